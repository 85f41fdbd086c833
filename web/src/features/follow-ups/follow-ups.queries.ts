import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPhoto, AuditPhotoList } from '../../../../src/contract/audit-photo.schema';
import type {
  FollowUp,
  FollowUpCreate,
  FollowUpList,
  FollowUpOwnerList,
  FollowUpPatch,
} from '../../../../src/contract/follow-up.schema';
import { api, apiRequest } from '../../api/api-client';

/** Photos of audits and follow-ups (issue 7). */
export const photosKey = (auditId: string) => ['audits', 'photos', auditId] as const;
export const FOLLOW_UPS_KEY = ['follow-ups'] as const;

export function useAuditPhotos(auditId: string) {
  return useQuery({
    queryKey: photosKey(auditId),
    queryFn: ({ signal }) => api.get<AuditPhotoList>(`/audits/${auditId}/photos`, undefined, signal),
    staleTime: 30_000,
  });
}

export function useUploadPhoto(auditId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, item }: { file: Blob; item: string | null }) =>
      apiRequest<AuditPhoto>(`/audits/${auditId}/photos`, {
        method: 'POST',
        body: file,
        contentType: file.type,
        query: { item },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: photosKey(auditId) }),
  });
}

export function useRemovePhoto(auditId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => api.delete<void>(`/audits/${auditId}/photos/${photoId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: photosKey(auditId) }),
  });
}

export interface FollowUpFilters {
  owner?: 'me' | undefined;
  status?: FollowUp['status'] | undefined;
  audit?: string | undefined;
}

export function useFollowUps(filters: FollowUpFilters, enabled = true) {
  return useQuery({
    queryKey: [...FOLLOW_UPS_KEY, 'list', filters],
    queryFn: ({ signal }) => api.get<FollowUpList>('/follow-ups', { ...filters, limit: 500 }, signal),
    enabled,
  });
}

export function useFollowUpOwners(auditId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['audits', 'follow-up-owners', auditId],
    queryFn: ({ signal }) =>
      api.get<FollowUpOwnerList>(`/audits/${auditId}/follow-up-owners`, undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useRaiseFollowUp(auditId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpCreate) => api.post<FollowUp>(`/audits/${auditId}/follow-ups`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FOLLOW_UPS_KEY }),
  });
}

export function useUpdateFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FollowUpPatch & { id: string }) =>
      api.patch<FollowUp>(`/follow-ups/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FOLLOW_UPS_KEY }),
  });
}
