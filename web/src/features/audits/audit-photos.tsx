import { useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, FileButton, Group, Text } from '@mantine/core';
import { IconCamera, IconCloudOff, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditPhoto } from '../../../../src/contract/audit-photo.schema';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { fitWithin, PHOTOS_PER_AUDIT, photoPlan } from '../follow-ups/follow-ups.logic';
import { useAuditPhotos, useRemovePhoto, useUploadPhoto } from '../follow-ups/follow-ups.queries';
import './audit-photos.css';

/** A picked image as a JPEG the server takes: drawn at most 2560 px on its longer side. */
async function reencode(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('could not encode');
  return blob;
}

/** The thumbnails of some photos, each opening the photo itself; a remove button when `onRemove`. */
export function PhotoThumbs({
  photos,
  label,
  onRemove,
  removing,
}: {
  photos: readonly AuditPhoto[];
  label: string;
  onRemove?: ((photo: AuditPhoto) => void) | undefined;
  removing?: string | null | undefined;
}) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <ul className="audit-photos" aria-label={t('followUps.photos.listLabel', { item: label })}>
      {photos.map((p, i) => {
        const name = t('followUps.photos.photoN', { n: i + 1, item: label });
        return (
          <li key={p.id} className="audit-photo" data-testid="audit-photo">
            <Anchor
              href={p.url}
              target="_blank"
              rel="noopener"
              aria-label={t('followUps.photos.open', { name })}
            >
              <img src={p.url} alt={name} loading="lazy" width={88} height={88} />
            </Anchor>
            {onRemove && (
              <ActionIcon
                className="audit-photo-remove"
                variant="filled"
                color="dark"
                radius="xl"
                size={32}
                loading={removing === p.id}
                aria-label={t('followUps.photos.remove', { name })}
                onClick={() => onRemove(p)}
              >
                <IconX size={18} aria-hidden />
              </ActionIcon>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * An item's photos in the draft form: thumbnails with "remove", and "Add photo" (the camera on a
 * phone). Photos go straight to the server, so without a connection the button says it waits for one.
 */
export function ItemPhotosField({
  auditId,
  itemId,
  label,
  online,
}: {
  auditId: string;
  itemId: string;
  label: string;
  online: boolean;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const photos = useAuditPhotos(auditId);
  const upload = useUploadPhoto(auditId);
  const remove = useRemovePhoto(auditId);
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  const mine = (photos.data?.items ?? []).filter((p) => p.item_id === itemId);
  const full = (photos.data?.items.length ?? 0) >= PHOTOS_PER_AUDIT;

  const describe = (e: unknown) => {
    if (isApiError(e)) {
      if (e.code === 'unsupported_media_type') return t('followUps.photos.notImage');
      if (e.code === 'payload_too_large') return t('followUps.photos.tooLarge');
      if (e.code === 'conflict') return t('followUps.photos.full', { n: PHOTOS_PER_AUDIT });
      if (e.code === 'network_error') return t('followUps.photos.offline');
    }
    return errorText(e);
  };

  const pick = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setProblem(null);
    const plan = photoPlan(file);
    if (plan === 'not_image') {
      setProblem(t('followUps.photos.notImage'));
      return;
    }
    let body: Blob = file;
    if (plan === 'reencode') {
      try {
        body = await reencode(file);
      } catch {
        setProblem(t('followUps.photos.notImage'));
        return;
      }
    }
    upload.mutate({ file: body, item: itemId }, { onError: (e) => setProblem(describe(e)) });
  };

  return (
    <div className="audit-item-photos">
      <PhotoThumbs
        photos={mine}
        label={label}
        removing={remove.isPending ? (remove.variables ?? null) : null}
        onRemove={
          online ? (p) => remove.mutate(p.id, { onError: (e) => setProblem(describe(e)) }) : undefined
        }
      />
      <Group gap="xs" mt={6} wrap="wrap" align="center">
        <FileButton resetRef={resetRef} onChange={(f) => void pick(f)} accept="image/*" capture="environment">
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="md"
              h={48}
              leftSection={<IconCamera size={20} aria-hidden />}
              disabled={!online || full}
              loading={upload.isPending}
              aria-label={t('followUps.photos.addTo', { item: label })}
              data-testid="add-photo"
            >
              {t('followUps.photos.add')}
            </Button>
          )}
        </FileButton>
        {!online && (
          <Text size="sm" c="orange.8" data-testid="photo-offline">
            <IconCloudOff size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
            {t('followUps.photos.needsConnection')}
          </Text>
        )}
        {online && full && (
          <Text size="sm" c="dimmed">
            {t('followUps.photos.full', { n: PHOTOS_PER_AUDIT })}
          </Text>
        )}
      </Group>
      {problem && (
        <Text size="sm" c="red" mt={4} role="alert">
          {problem}
        </Text>
      )}
    </div>
  );
}
