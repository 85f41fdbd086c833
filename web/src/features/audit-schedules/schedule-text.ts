import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditSchedule } from '../../../../src/contract/audit-schedule.schema';
import { splitDuration } from './schedule-form';

/** A schedule's rule and durations in words: "Every week on Monday at 10:00", "2 days 4 hours". */
export function useScheduleText() {
  const { t } = useTranslation();
  const duration = useCallback(
    (iso: string) => {
      const { days, hours } = splitDuration(iso);
      const parts = [
        ...(days > 0 ? [t('auditSchedules.duration.days', { count: days })] : []),
        ...(hours > 0 ? [t('auditSchedules.duration.hours', { count: hours })] : []),
      ];
      return parts.length > 0 ? parts.join(' ') : t('auditSchedules.duration.none');
    },
    [t],
  );
  const rule = useCallback(
    (r: AuditSchedule['rule']) => {
      switch (r.kind) {
        case 'weekly':
          return t('auditSchedules.rule.weekly', {
            weekday: t(`auditSchedules.weekdays.${r.weekday}` as never),
            time: r.time,
          });
        case 'monthly':
          return t('auditSchedules.rule.monthly', { day: r.day, time: r.time });
        default:
          return t('auditSchedules.rule.n_per_month', { n: r.n });
      }
    },
    [t],
  );
  return { duration, rule };
}
