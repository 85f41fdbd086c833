import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import { roleCan } from '../../../../src/core/permissions';
import type { User } from '../../../../src/contract/user.schema';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useDocumentTitle } from '../../components/use-document-title';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { StatusBadge, useTemplateTitle } from './audit-badges';
import { AuditForm } from './audit-form';
import { AuditResult } from './audit-result';
import { useAudit } from './audits.queries';
import './audits.css';

/** Whether this person may change this draft: its own auditor, or a quality lead (any audit). */
export function canEditDraft(
  user: Pick<User, 'id' | 'role'>,
  audit: Pick<AuditDetail, 'status' | 'auditor'>,
) {
  if (audit.status !== 'draft') return false;
  if (roleCan(user.role, 'audits.write.all')) return true;
  return roleCan(user.role, 'audits.write') && audit.auditor.kind === 'user' && audit.auditor.id === user.id;
}

/** `/audits/:id`: the form while it is the reader's draft, else the result, read-only. */
export function AuditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const audit = useAudit(id);
  const user = useCurrentUser();

  let body;
  if (audit.isPending) body = <LoadingRows rows={4} height={96} />;
  else if (audit.isError) body = <LoadError error={audit.error} onRetry={() => void audit.refetch()} />;
  else if (canEditDraft(user, audit.data)) body = <AuditForm key={audit.data.id} audit={audit.data} />;
  else body = <AuditResult audit={audit.data} />;

  return (
    <Stack gap="md" maw={760}>
      <Anchor
        component={Link}
        to="/audits"
        size="sm"
        style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('audits.form.back')}
      </Anchor>
      {audit.data ? <AuditHeading audit={audit.data} /> : <DocumentTitle />}
      {body}
    </Stack>
  );
}

function DocumentTitle() {
  const { t } = useTranslation();
  useDocumentTitle(t('audits.title'));
  return null;
}

function AuditHeading({ audit }: { audit: AuditDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const templateTitle = useTemplateTitle();
  const title = templateTitle(audit.template.title, audit.template.code);
  useDocumentTitle(title);
  return (
    <Stack gap={4}>
      <Group gap="xs" align="center" wrap="wrap">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <StatusBadge status={audit.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {[
          t('audits.meta.unit', { unit: audit.unit.code }),
          audit.employee ? t('audits.meta.employee', { employee: audit.employee.code }) : null,
          dateTime(audit.observed_at),
          t('audits.meta.auditor', { name: audit.auditor.label }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {audit.interaction_id && (
        <Anchor
          component={Link}
          to={`/monitoring/records/${encodeURIComponent(audit.interaction_id)}`}
          size="sm"
          data-testid="audit-interaction"
        >
          {t('audits.meta.interaction', { id: audit.interaction_id })}
        </Anchor>
      )}
    </Stack>
  );
}
