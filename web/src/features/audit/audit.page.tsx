import { Button, Center, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { AuditFiltersBar } from './audit-filters';
import { AuditList } from './audit-list';
import { useAuditLog } from './audit.queries';
import { useAuditFilters } from './use-audit-filters';

/** Administration → Audit log: every change, newest first, with before → after per field. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useAuditFilters();
  const log = useAuditLog(filters);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const filtered = Object.values(filters).some(Boolean);

  // A failed "load more" keeps the pages already shown: the query is in error but still has data.
  let body;
  if (log.isPending) body = <LoadingRows rows={8} height={narrow ? 100 : 40} />;
  else if (!log.data) body = <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  else {
    const entries = log.data.pages.flatMap((p) => p.items);
    body =
      entries.length === 0 ? (
        <EmptyBlock
          message={filtered ? t('audit.empty') : t('audit.emptyAll')}
          icon={<IconHistory size={32} aria-hidden />}
        />
      ) : (
        <>
          <AuditList entries={entries} narrow={narrow} />
          {log.isFetchNextPageError && (
            <LoadError error={log.error} onRetry={() => void log.fetchNextPage()} />
          )}
          <Center mt="md">
            {log.hasNextPage ? (
              <Button
                variant="default"
                loading={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('audit.end')}
              </Text>
            )}
          </Center>
        </>
      );
  }

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFiltersBar filters={filters} onChange={setFilters} />
      {body}
    </>
  );
}
