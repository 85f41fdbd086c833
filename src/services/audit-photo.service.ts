import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, ValidationError } from '../core';
import {
  PHOTO_LIMIT_BYTES,
  PHOTOS_PER_AUDIT,
  type AuditPhoto,
  type AuditPhotoList,
  type PhotoUploadQuery,
} from '../contract/audit-photo.schema';
import type { AuditsTable, Db } from '../db/database';
import { auditPhotoRepository, type AuditPhotoRow } from '../db/audit-photo.repository';
import { newId } from '../db/ids';
import { auditForChange, auditForRead } from './audit-access';
import { loadTemplateVersion } from './audit-template.service';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { imageSize, PHOTO_TYPES, SNIFF_BYTES, sniffImageType, type PhotoType } from './image-type';
import type { CallContext, ServiceDeps } from './service-context';

const present = (row: AuditPhotoRow): AuditPhoto => ({
  id: row.id,
  audit_id: row.audit_id,
  item_id: row.item_id,
  content_type: row.content_type,
  bytes: row.bytes,
  sha256: row.sha256,
  width: row.width,
  height: row.height,
  created_by: row.created_by_label,
  created_at: row.created_at,
  url: `/api/v1/audits/${row.audit_id}/photos/${row.id}`,
});

const tooLarge = () =>
  new AppError('payload_too_large', `A photo takes at most ${PHOTO_LIMIT_BYTES} bytes (8 MiB)`, {
    limit: PHOTO_LIMIT_BYTES,
  });

const notAnImage = (details: object) =>
  new AppError('unsupported_media_type', 'A photo must be a JPEG, PNG or WebP image', {
    accepted: PHOTO_TYPES,
    ...details,
  });

/** Whether a declared content type is one a photo may have (parameters ignored). */
export const declaredPhotoType = (header: string | undefined): PhotoType | undefined => {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return (PHOTO_TYPES as readonly string[]).includes(type) ? (type as PhotoType) : undefined;
};

/**
 * Reads a photo body: refuses it as soon as its first bytes are not the declared image type (415)
 * or it passes the limit (413) — reading stops there, nothing is stored.
 */
async function readPhoto(body: Readable, declared: PhotoType): Promise<{ bytes: Buffer; type: PhotoType }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let type: PhotoType | undefined;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > PHOTO_LIMIT_BYTES) throw tooLarge();
    chunks.push(chunk);
    if (type === undefined && size >= SNIFF_BYTES) {
      type = sniffImageType(Buffer.concat(chunks));
      if (type === undefined) throw notAnImage({ declared });
      if (type !== declared) throw notAnImage({ declared, detected: type });
    }
  }
  const bytes = Buffer.concat(chunks);
  if (type === undefined) {
    if (bytes.length === 0)
      throw new ValidationError(
        [{ in: 'body', path: '', message: 'the photo is empty' }],
        'The photo is empty',
      );
    throw notAnImage({ declared });
  }
  return { bytes, type };
}

/**
 * Photos on audits (issue 7): added to and removed from a draft by whoever may change its answers,
 * read with the audit's read scope; a submitted audit keeps its photos unchanged. The bytes are
 * files under `<dataDir>/photos/<audit id>/<photo id>`, the rows say what they are.
 */
export function createAuditPhotoService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const root = join(deps.dataDir, 'photos');
  const pathOf = (auditId: string, photoId: string) => join(root, auditId, photoId);
  const lock = deps.dialect === 'postgres';

  function assertDraft(row: AuditsTable) {
    if (row.status !== 'draft')
      throw new AppError('conflict', 'The audit is submitted: its photos no longer change.', {
        reason: 'submitted',
      });
  }

  function assertRoom(count: number) {
    if (count >= PHOTOS_PER_AUDIT)
      throw new AppError('conflict', `An audit has at most ${PHOTOS_PER_AUDIT} photos`, {
        reason: 'photo_limit',
        limit: PHOTOS_PER_AUDIT,
      });
  }

  /** The item must be one of the audit's template version. */
  async function checkItem(tx: Db, row: AuditsTable, item: string | undefined) {
    if (item === undefined) return;
    const { definition } = await loadTemplateVersion(tx, row.template_id, row.template_version, true);
    if (!definition.sections.some((s) => s.items.some((i) => i.id === item)))
      throw new ValidationError(
        [{ in: 'query', path: 'item', code: 'unknown_item', message: `the template has no item "${item}"` }],
        `The audit's template has no item "${item}"`,
      );
  }

  return {
    /** Where photos are kept: `<dataDir>/photos`. */
    directory: root,

    async list(ctx: CallContext, auditId: string): Promise<AuditPhotoList> {
      await auditForRead(db, ctx.actor, auditId);
      return { items: (await auditPhotoRepository.ofAudit(db, auditId)).map(present) };
    },

    /** The photo's bytes as a stream, with its type and size; the audit's read scope (404 outside). */
    async open(ctx: CallContext, auditId: string, photoId: string) {
      await auditForRead(db, ctx.actor, auditId);
      const row = found(await auditPhotoRepository.find(db, auditId, photoId), 'photo', photoId);
      return {
        contentType: row.content_type,
        bytes: row.bytes,
        sha256: row.sha256,
        stream: createReadStream(pathOf(auditId, photoId)),
      };
    },

    /**
     * `POST /audits/:id/photos`: checks who may, that the audit is a draft with room for one more
     * and the item exists, before reading a byte; then reads the body (type from the bytes, at most
     * 8 MiB), writes the file and its row together.
     */
    async upload(
      ctx: CallContext,
      auditId: string,
      query: PhotoUploadQuery,
      contentType: string | undefined,
      body: Readable,
    ): Promise<AuditPhoto> {
      body.on('error', () => undefined);
      const before = await auditForChange(db, ctx.actor, auditId, false);
      assertDraft(before);
      assertRoom(await auditPhotoRepository.count(db, auditId));
      await checkItem(db, before, query.item);
      const declared = declaredPhotoType(contentType);
      if (declared === undefined) throw notAnImage({ declared: contentType ?? null });

      const { bytes, type } = await readPhoto(body, declared);
      const now = clock();
      const id = newId(now.getTime());
      const path = pathOf(auditId, id);
      const size = imageSize(bytes, type);
      const row: AuditPhotoRow = {
        id,
        audit_id: auditId,
        item_id: query.item ?? null,
        content_type: type,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        width: size?.width ?? null,
        height: size?.height ?? null,
        created_by: ctx.actor.id,
        created_by_label: ctx.actor.label,
        created_at: now.toISOString(),
      };
      try {
        await db.transaction().execute(async (tx) => {
          // Again inside the transaction: a submission or another upload may have come meanwhile.
          assertDraft(await auditForChange(tx, ctx.actor, auditId, lock));
          assertRoom(await auditPhotoRepository.count(tx, auditId));
          await mkdir(join(root, auditId), { recursive: true });
          await writeFile(path, bytes, { flag: 'wx' });
          await auditPhotoRepository.insert(tx, row);
          const { sha256, content_type, item_id, width, height } = row;
          await recordChange(tx, ctx, now, {
            action: 'audit_photo.create',
            entity: 'audit_photo',
            entityId: id,
            after: { audit_id: auditId, item_id, content_type, bytes: row.bytes, sha256, width, height },
          });
        });
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return present(row);
    },

    /** Removes a photo of a draft (the file after the row is gone). */
    async remove(ctx: CallContext, auditId: string, photoId: string): Promise<void> {
      const now = clock();
      await db.transaction().execute(async (tx) => {
        assertDraft(await auditForChange(tx, ctx.actor, auditId, lock));
        const row = found(await auditPhotoRepository.find(tx, auditId, photoId), 'photo', photoId);
        await auditPhotoRepository.delete(tx, photoId);
        await recordChange(tx, ctx, now, {
          action: 'audit_photo.delete',
          entity: 'audit_photo',
          entityId: photoId,
          before: present(row),
        });
      });
      await rm(pathOf(auditId, photoId), { force: true });
    },
  };
}

export type AuditPhotoService = ReturnType<typeof createAuditPhotoService>;
