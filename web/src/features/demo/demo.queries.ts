import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DemoReport } from '../../../../src/contract/demo.schema';
import { api } from '../../api/api-client';
import { currentLanguage } from '../../i18n/i18n';

/** Loads the demo organization in the interface's language; every cached list is stale after it. */
export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DemoReport>('/demo', { locale: currentLanguage() }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
