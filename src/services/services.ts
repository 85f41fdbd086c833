import { createAcknowledgementService } from './acknowledgement.service';
import { createAuditService } from './audit.service';
import { createAuditTemplateService } from './audit-template.service';
import { createAuditsService } from './audits.service';
import { createAuditPhotoService } from './audit-photo.service';
import { createFollowUpService } from './follow-up.service';
import { createAuditScheduleService } from './audit-schedule.service';
import { createAuthService } from './auth.service';
import { createCalibrationService } from './calibration.service';
import { createCatalogService } from './catalog.service';
import { createDemoService } from './demo/demo.service';
import { createEmployeeService } from './employee.service';
import { createExclusionService } from './exclusion.service';
import { createGridService } from './grid.service';
import { createGridTransferService } from './grid-transfer.service';
import { createHandbookService } from './handbook.service';
import { createHealthService } from './health.service';
import { createImportService } from './import.service';
import { createImportMappingService } from './import-mapping.service';
import { createInviteService } from './invite.service';
import { createMonitoringService } from './monitoring.service';
import { createNotificationService } from './notification.service';
import { createOrgTransferService } from './org-transfer.service';
import { createProposalService } from './proposal.service';
import { createStandardsCodeService } from './standards-code.service';
import { createSupportTypeService } from './support-type.service';
import { createTokenService } from './token.service';
import { createUnitService } from './unit.service';
import { createUserService } from './user.service';
import type { ServiceDeps } from './service-context';

/**
 * Every use case, built once per process. The server and the CLI both hold one of these, so they
 * cannot drift apart. A new resource adds its `createXService(deps)` here.
 */
export function createServices(deps: ServiceDeps & { ping: () => Promise<boolean> }) {
  const invites = createInviteService(deps);
  const units = createUnitService(deps);
  const employees = createEmployeeService(deps);
  const supportTypes = createSupportTypeService(deps);
  const grid = createGridService(deps);
  // Standards (issue 5): the catalog, proposals (which notify), and what reads the catalog.
  const notifications = createNotificationService(deps);
  const catalog = createCatalogService(deps);
  const proposals = createProposalService(deps);
  // Monitoring (issue 6): file imports register their job runner with the monitoring service.
  const monitoring = createMonitoringService(deps);
  const importMappings = createImportMappingService(deps);
  const exclusions = createExclusionService(deps);
  const users = createUserService(deps, invites);
  // Audit schedules and their rounds (issue 7); reminders go through notifications.
  const auditSchedules = createAuditScheduleService(deps, notifications);
  // Calibration sessions (issue 7): blind judging of the same subjects, then alpha.
  const calibration = createCalibrationService(deps);
  return {
    auth: createAuthService(deps),
    invites,
    users,
    tokens: createTokenService(deps),
    audit: createAuditService(deps),
    units,
    employees,
    supportTypes,
    grid,
    demo: createDemoService(deps, {
      units,
      employees,
      supportTypes,
      grid,
      proposals,
      monitoring,
      exclusions,
      users,
      auditSchedules,
      calibration,
    }),
    orgTransfer: createOrgTransferService(deps),
    gridTransfer: createGridTransferService(deps, grid),
    health: createHealthService(deps),
    notifications,
    catalog,
    proposals,
    acknowledgements: createAcknowledgementService(deps),
    handbook: createHandbookService(deps),
    standardsCode: createStandardsCodeService(deps),
    monitoring,
    importMappings,
    imports: createImportService(deps, monitoring, importMappings),
    exclusions,
    // Audits (issue 7): templates from observed standards, and the audits made with them.
    auditTemplates: createAuditTemplateService(deps),
    // Photos on audits and follow-ups from failed items (issue 7, part P).
    auditPhotos: createAuditPhotoService(deps),
    followUps: createFollowUpService(deps, notifications),
    auditSchedules,
    audits: createAuditsService(deps, monitoring),
    calibration,
  };
}

export type Services = ReturnType<typeof createServices>;
