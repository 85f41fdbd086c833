import agreementEn from '../features/agreement/agreement.en.json';
import agreementRu from '../features/agreement/agreement.ru.json';
import auditsEn from '../features/audits/audits.en.json';
import auditsRu from '../features/audits/audits.ru.json';
import auditSchedulesEn from '../features/audit-schedules/audit-schedules.en.json';
import auditSchedulesRu from '../features/audit-schedules/audit-schedules.ru.json';
import followUpsEn from '../features/follow-ups/follow-ups.en.json';
import followUpsRu from '../features/follow-ups/follow-ups.ru.json';
import auditTemplatesEn from '../features/audit-templates/audit-templates.en.json';
import auditTemplatesRu from '../features/audit-templates/audit-templates.ru.json';
import calibrationEn from '../features/calibration/calibration.en.json';
import calibrationRu from '../features/calibration/calibration.ru.json';
import gridEn from '../features/grid/grid.en.json';
import gridRu from '../features/grid/grid.ru.json';
import orgEn from '../features/org/org.en.json';
import handbookEn from '../features/handbook/handbook.en.json';
import handbookRu from '../features/handbook/handbook.ru.json';
import monitoringEn from '../features/monitoring/monitoring.en.json';
import monitoringRu from '../features/monitoring/monitoring.ru.json';
import exclusionsEn from '../features/exclusions/exclusions.en.json';
import exclusionsRu from '../features/exclusions/exclusions.ru.json';
import monitoringImportEn from '../features/monitoring-import/monitoring-import.en.json';
import monitoringImportRu from '../features/monitoring-import/monitoring-import.ru.json';
import orgRu from '../features/org/org.ru.json';
import standardsEn from '../features/standards/standards.en.json';
import standardsRu from '../features/standards/standards.ru.json';
import baseEn from './en.json';
import baseRu from './ru.json';

/**
 * Every text of the web app in both languages. Shared texts live in `en.json`/`ru.json`; a large
 * feature keeps its own pair next to its code (`features/<f>/<f>.en.json`) under its own top-level
 * key, so features do not edit one file.
 */
export const en = {
  ...baseEn,
  org: orgEn,
  grid: gridEn,
  standards: standardsEn,
  agreement: agreementEn,
  handbook: handbookEn,
  monitoringImport: monitoringImportEn,
  exclusions: exclusionsEn,
  monitoring: monitoringEn,
  audits: auditsEn,
  auditSchedules: auditSchedulesEn,
  followUps: followUpsEn,
  auditTemplates: auditTemplatesEn,
  calibration: calibrationEn,
};
export const ru = {
  ...baseRu,
  org: orgRu,
  grid: gridRu,
  standards: standardsRu,
  agreement: agreementRu,
  handbook: handbookRu,
  monitoringImport: monitoringImportRu,
  exclusions: exclusionsRu,
  monitoring: monitoringRu,
  audits: auditsRu,
  auditSchedules: auditSchedulesRu,
  followUps: followUpsRu,
  auditTemplates: auditTemplatesRu,
  calibration: calibrationRu,
};
