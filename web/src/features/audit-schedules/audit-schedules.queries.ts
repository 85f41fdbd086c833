import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditRoundList,
  AuditSchedule,
  AuditScheduleInput,
  AuditScheduleList,
} from '../../../../src/contract/audit-schedule.schema';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import type { UserList } from '../../../../src/contract/user.schema';
import { api, apiRequest } from '../../api/api-client';
import { AUDITS_KEY, auditKey } from '../audits/audits.queries';

const SCHEDULES_KEY = ['audit-schedules'] as const;
const ROUNDS_KEY = ['audit-rounds'] as const;

export function useSchedules() {
  return useQuery({
    queryKey: [...SCHEDULES_KEY, 'list'],
    queryFn: ({ signal }) => api.get<AuditScheduleList>('/audit-schedules', undefined, signal),
  });
}

/** Creates (no id) or replaces (id) a schedule. */
export function useSaveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AuditScheduleInput }) =>
      id === null
        ? api.post<AuditSchedule>('/audit-schedules', body)
        : apiRequest<AuditSchedule>(`/audit-schedules/${id}`, { method: 'PUT', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SCHEDULES_KEY });
      void queryClient.invalidateQueries({ queryKey: ROUNDS_KEY });
    },
  });
}

export function useDeleteSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/audit-schedules/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SCHEDULES_KEY });
      void queryClient.invalidateQueries({ queryKey: ROUNDS_KEY });
    },
  });
}

/** The caller's rounds: due, overdue, the next per schedule, missed in the last 30 days. */
export function useMyRounds(enabled: boolean) {
  return useQuery({
    queryKey: [...ROUNDS_KEY, 'mine'],
    queryFn: ({ signal }) => api.get<AuditRoundList>('/audit-rounds', { mine: 'true' }, signal),
    enabled,
    // A round becomes due or overdue as time passes: look again every minute.
    refetchInterval: 60_000,
  });
}

/** Every round in the given states (readers with `audits.read.all`), 30 days back to 8 weeks ahead. */
export function useRounds(states: string) {
  return useQuery({
    queryKey: [...ROUNDS_KEY, 'all', states],
    queryFn: ({ signal }) => api.get<AuditRoundList>('/audit-rounds', { state: states, limit: 200 }, signal),
  });
}

/** Starts the audit of a round (its template and unit); the caller then opens it. */
export function useStartRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (round: { id: string; template_id: string; unit: string }) =>
      api.post<AuditDetail>('/audits', {
        template_id: round.template_id,
        unit: round.unit,
        round_id: round.id,
      }),
    onSuccess: (audit) => {
      queryClient.setQueryData(auditKey(audit.id), audit);
      void queryClient.invalidateQueries({ queryKey: [...AUDITS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ROUNDS_KEY });
    },
  });
}

/** People who can be assigned rounds (auditors and quality leads), for the schedule form. */
export function useAssignablePeople(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'assignable-auditors'],
    queryFn: async ({ signal }) => {
      const list = await api.get<UserList>('/users', { limit: 500 }, signal);
      return list.items.filter(
        (u) =>
          u.status !== 'deactivated' && (u.role === 'auditor' || u.role === 'manager' || u.role === 'admin'),
      );
    },
    enabled,
    staleTime: 60_000,
  });
}
