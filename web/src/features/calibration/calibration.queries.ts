import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CalibrationAnswersInput,
  CalibrationCandidates,
  CalibrationCreate,
  CalibrationDetail,
  CalibrationList,
} from '../../../../src/contract/calibration.schema';
import { api, apiRequest } from '../../api/api-client';

/** Calibration sessions (issue 7). */
export const CALIBRATION_KEY = ['calibration'] as const;
export const sessionKey = (id: string) => [...CALIBRATION_KEY, 'one', id] as const;

export function useCalibrationList() {
  return useQuery({
    queryKey: [...CALIBRATION_KEY, 'list'],
    queryFn: ({ signal }) => api.get<CalibrationList>('/calibration-sessions', undefined, signal),
  });
}

export function useCalibrationSession(id: string) {
  return useQuery({
    queryKey: sessionKey(id),
    queryFn: ({ signal }) => api.get<CalibrationDetail>(`/calibration-sessions/${id}`, undefined, signal),
  });
}

export function useCalibrationCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...CALIBRATION_KEY, 'candidates'],
    queryFn: ({ signal }) =>
      api.get<CalibrationCandidates>('/calibration-sessions/candidates', undefined, signal),
    enabled,
  });
}

/** After a change the answer is the whole session: keep it, and let the list count again. */
function useStore() {
  const queryClient = useQueryClient();
  return (detail: CalibrationDetail) => {
    queryClient.setQueryData(sessionKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: [...CALIBRATION_KEY, 'list'] });
  };
}

export function useCreateCalibration() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CalibrationCreate) => api.post<CalibrationDetail>('/calibration-sessions', body),
    onSuccess: store,
  });
}

export function useSaveCalibrationAnswers(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CalibrationAnswersInput) =>
      apiRequest<CalibrationDetail>(`/calibration-sessions/${id}/answers`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

export function useSubmitCalibration(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: () => api.post<CalibrationDetail>(`/calibration-sessions/${id}/submit`),
    onSuccess: store,
  });
}

export function useRevealCalibration(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: () => api.post<CalibrationDetail>(`/calibration-sessions/${id}/reveal`),
    onSuccess: store,
  });
}
