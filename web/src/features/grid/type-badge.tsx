import { Badge, Group } from '@mantine/core';
import type { TypeLook } from './grid-labels';

/**
 * A cell's support types as tiny coloured abbreviations (plain spans: hundreds are on screen at
 * once). The names are in the cell's aria-label; `max` caps the count, the rest become "+n".
 */
export function TypeBadges({
  ids,
  looks,
  max,
}: {
  ids: readonly string[];
  looks: Map<string, TypeLook>;
  max: number;
}) {
  const shown = ids.length > max ? ids.slice(0, max - 1) : ids;
  const rest = ids.length - shown.length;
  return (
    <span className="grid-badges" aria-hidden>
      {shown.map((id) => {
        const look = looks.get(id);
        return (
          <span
            key={id}
            className="grid-badge"
            title={look?.label}
            style={{ background: `var(--mantine-color-${look?.color ?? 'gray'}-filled)` }}
          >
            {look?.abbr ?? '?'}
          </span>
        );
      })}
      {rest > 0 && <span className="grid-badge grid-badge-more">+{rest}</span>}
    </span>
  );
}

/** One support type with its full name, for cards, the legend and lists. */
export function TypeBadge({ look, size = 'sm' }: { look: TypeLook | undefined; size?: 'xs' | 'sm' | 'md' }) {
  if (!look) return null;
  return (
    <Badge
      color={look.color}
      variant="light"
      size={size}
      tt="none"
      leftSection={
        <span
          className="grid-badge grid-badge-inline"
          style={{ background: `var(--mantine-color-${look.color}-filled)` }}
        >
          {look.abbr}
        </span>
      }
      miw="max-content"
      opacity={look.archived ? 0.6 : 1}
    >
      {look.label}
    </Badge>
  );
}

/** A row of full-name badges. */
export function TypeBadgeList({ ids, looks }: { ids: readonly string[]; looks: Map<string, TypeLook> }) {
  return (
    <Group gap={4}>
      {ids.map((id) => (
        <TypeBadge key={id} look={looks.get(id)} />
      ))}
    </Group>
  );
}
