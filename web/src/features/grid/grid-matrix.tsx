import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { IconAlertTriangle, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  GridMatrix,
  GridMatrixCell,
  GridProviderHead,
  GridUnitHead,
} from '../../../../src/contract/grid.schema';
import { useNamer, type TypeLook } from './grid-labels';
import { TypeBadges } from './type-badge';

/** A provider's key in lookups: units and employees may in theory share nothing but the id space. */
export const providerKey = (kind: string, id: string) => `${kind}:${id}`;
const cellKey = (providerKind: string, providerId: string, recipientId: string) =>
  `${providerKind}:${providerId}|${recipientId}`;

/** What a click on a cell hands to the editor: who gives, who gets, and the cell when there is one. */
export interface CellTarget {
  provider: GridProviderHead;
  recipient: GridUnitHead;
  cell: GridMatrixCell | null;
}

export interface MatrixSizes {
  rowHeight: number;
  colWidth: number;
  headerHeight: number;
  rowHeadWidth: number;
}

/** Background tint by how much help a cell carries: nothing, one kind, two, three or more. */
export const tintLevel = (types: number) => Math.min(types, 3);

/**
 * The grid itself: recipients down the left, providers across the top, both virtualized (only the
 * rows and columns in view are in the page, so 300 × 300 scrolls like 10 × 10). The header row and
 * the first column stay put while the body scrolls. Arrow keys move between cells; Enter opens one.
 */
export function GridMatrixView({
  matrix,
  looks,
  sizes,
  height,
  typeLabel,
  focusRequest,
  onOpen,
}: {
  matrix: GridMatrix;
  looks: Map<string, TypeLook>;
  sizes: MatrixSizes;
  height: string;
  /** The support type the matrix is filtered by, for the wording of gaps. */
  typeLabel: string | null;
  /** Bumped when the editor has closed: focus goes back to the cell it was opened from. */
  focusRequest: number;
  onOpen: (target: CellTarget) => void;
}) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const { recipients, providers } = matrix;
  const { rowHeight, colWidth, headerHeight, rowHeadWidth } = sizes;

  const { cells, rowCount, colCount } = useMemo(() => {
    const cells = new Map<string, GridMatrixCell>();
    const rowCount = new Map<string, number>();
    const colCount = new Map<string, number>();
    for (const c of matrix.cells) {
      cells.set(cellKey(c.provider_kind, c.provider_id, c.recipient_unit_id), c);
      rowCount.set(c.recipient_unit_id, (rowCount.get(c.recipient_unit_id) ?? 0) + 1);
      const pk = providerKey(c.provider_kind, c.provider_id);
      colCount.set(pk, (colCount.get(pk) ?? 0) + 1);
    }
    return { cells, rowCount, colCount };
  }, [matrix.cells]);

  // Names once per answer and language, not once per cell per frame.
  const rowLabels = useMemo(() => recipients.map((r) => name(r.name, r.code)), [recipients, name]);
  const colLabels = useMemo(() => providers.map((p) => name(p.name, p.code)), [providers, name]);
  // An employee's column says which unit they work in.
  const unitNames = useMemo(
    () => new Map(providers.filter((p) => p.kind === 'unit').map((p) => [p.id, name(p.name, p.code)])),
    [providers, name],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({
    count: recipients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 6,
    useFlushSync: false,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: providers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => colWidth,
    paddingStart: rowHeadWidth,
    scrollPaddingStart: rowHeadWidth,
    overscan: 3,
    useFlushSync: false,
  });

  // Roving focus: one cell is in the tab order; arrows move it (scrolling it into view first).
  const [active, setActive] = useState({ r: 0, c: 0 });
  // The cell to focus once it is rendered: a far jump (End, PageDown) scrolls first, and the
  // virtualizer renders the target a frame or two later.
  const pendingFocus = useRef<string | null>(null);
  // Back from the editor (its close transition over): focus returns to the cell it came from.
  useEffect(() => {
    if (focusRequest === 0) return;
    scrollRef.current
      ?.querySelector<HTMLElement>(`[data-cell="${active.r}:${active.c}"]`)
      ?.focus({ preventScroll: true });
  }, [focusRequest]); // only when asked, not when the active cell moves
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${pendingFocus.current}"]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
  });
  const clampR = (r: number) => Math.max(0, Math.min(recipients.length - 1, r));
  const clampC = (c: number) => Math.max(0, Math.min(providers.length - 1, c));
  const current = { r: clampR(active.r), c: clampC(active.c) };
  const moveTo = (r: number, c: number, e: KeyboardEvent) => {
    e.preventDefault();
    const next = { r: clampR(r), c: clampC(c) };
    rows.scrollToIndex(next.r, { align: 'auto' });
    cols.scrollToIndex(next.c, { align: 'auto' });
    pendingFocus.current = `${next.r}:${next.c}`;
    setActive(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || !e.target.dataset.cell) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 2);
    // From the focused cell itself: keys can arrive faster than React re-renders.
    const [r = 0, c = 0] = e.target.dataset.cell.split(':').map(Number);
    const last = { r: recipients.length - 1, c: providers.length - 1 };
    const to: Record<string, [number, number]> = {
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      ArrowRight: [r, c + 1],
      ArrowLeft: [r, c - 1],
      PageDown: [r + page, c],
      PageUp: [r - page, c],
      Home: [e.ctrlKey ? 0 : r, 0],
      End: [e.ctrlKey ? last.r : r, last.c],
    };
    const target = to[e.key];
    if (target) moveTo(target[0], target[1], e);
  };

  // Stable across renders, so the memoized cells skip re-rendering while scrolling.
  const latest = useRef({ recipients, providers, cells, onOpen });
  latest.current = { recipients, providers, cells, onOpen };
  const pick = useCallback((r: number, c: number) => {
    const { recipients: rs, providers: ps, cells: cs, onOpen: open } = latest.current;
    const recipient = rs[r];
    const provider = ps[c];
    if (!recipient || !provider) return;
    setActive({ r, c });
    open({ provider, recipient, cell: cs.get(cellKey(provider.kind, provider.id, recipient.id)) ?? null });
  }, []);

  const vRows = rows.getVirtualItems();
  const vCols = cols.getVirtualItems();
  const totalWidth = cols.getTotalSize();
  const totalHeight = rows.getTotalSize();

  const noHelp = t('grid.matrix.noHelp');
  const selfLabel = t('grid.matrix.self');
  const noHelpRow = typeLabel ? t('grid.matrix.rowGapType', { type: typeLabel }) : t('grid.matrix.rowGap');
  const noHelpCol = typeLabel ? t('grid.matrix.colGapType', { type: typeLabel }) : t('grid.matrix.colGap');

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      // As tall as the page allows, and no taller than the rows need.
      style={{ height: `min(${height}, ${totalHeight + 2}px)` }}
      role="grid"
      aria-label={t('grid.matrix.label')}
      aria-rowcount={recipients.length + 1}
      aria-colcount={providers.length + 1}
      onKeyDown={onKeyDown}
      data-testid="grid-matrix"
    >
      <div style={{ width: totalWidth, height: totalHeight, position: 'relative' }}>
        <div
          className="grid-head-row"
          role="row"
          aria-rowindex={1}
          style={{ height: headerHeight, width: totalWidth }}
        >
          <div
            className="grid-corner"
            role="columnheader"
            aria-colindex={1}
            style={{ width: rowHeadWidth, height: headerHeight }}
          >
            <span className="grid-corner-providers">{t('grid.matrix.providers')} →</span>
            <span className="grid-corner-recipients">↓ {t('grid.matrix.recipients')}</span>
          </div>
          {vCols.map((vc) => {
            const p = providers[vc.index]!;
            const label = colLabels[vc.index]!;
            const empty = !colCount.has(providerKey(p.kind, p.id));
            return (
              <ColumnHead
                key={vc.key}
                left={vc.start}
                width={vc.size}
                height={headerHeight}
                colIndex={vc.index + 2}
                label={label}
                employee={p.kind === 'employee'}
                employeeHint={
                  p.kind !== 'employee'
                    ? ''
                    : unitNames.has(p.unit_id)
                      ? t('grid.matrix.employeeColumn', { unit: unitNames.get(p.unit_id) })
                      : t('grid.legend.employee')
                }
                gap={empty ? noHelpCol : null}
                depth={p.depth}
              />
            );
          })}
        </div>
        {vRows.map((vr) => {
          const rcp = recipients[vr.index]!;
          return (
            <MatrixRow
              key={vr.key}
              index={vr.index}
              top={vr.start}
              height={vr.size}
              width={totalWidth}
              rowHeadWidth={rowHeadWidth}
              recipient={rcp}
              label={rowLabels[vr.index]!}
              gap={!rowCount.has(rcp.id)}
              noHelpRow={noHelpRow}
              vCols={vCols}
              providers={providers}
              colLabels={colLabels}
              cells={cells}
              looks={looks}
              activeCol={vr.index === current.r ? current.c : -1}
              noHelp={noHelp}
              selfLabel={selfLabel}
              onPick={pick}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * One row: its head and the cells in view. Memoized on props that stay the same while scrolling
 * vertically (the columns in view are the same array until the horizontal range changes), so
 * only rows coming into view render.
 */
const MatrixRow = memo(function MatrixRow(props: {
  index: number;
  top: number;
  height: number;
  width: number;
  rowHeadWidth: number;
  recipient: GridUnitHead;
  label: string;
  gap: boolean;
  noHelpRow: string;
  vCols: VirtualItem[];
  providers: GridProviderHead[];
  colLabels: string[];
  cells: Map<string, GridMatrixCell>;
  looks: Map<string, TypeLook>;
  activeCol: number;
  noHelp: string;
  selfLabel: string;
  onPick: (r: number, c: number) => void;
}) {
  const { recipient: rcp, label, gap, noHelpRow } = props;
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className="grid-row"
      style={{ top: props.top, height: props.height, width: props.width }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className={`grid-row-head${gap ? ' grid-gap' : ''}`}
        style={{ width: props.rowHeadWidth, paddingLeft: 8 + Math.min(rcp.depth, 8) * 14 }}
        title={gap ? `${label} — ${noHelpRow}` : label}
      >
        <span className="grid-trunc">{label}</span>
        {gap && (
          <span className="grid-gap-mark" aria-label={noHelpRow} role="img">
            <IconAlertTriangle size={14} aria-hidden />
          </span>
        )}
      </div>
      {props.vCols.map((vc) => {
        const p = props.providers[vc.index]!;
        return (
          <MatrixCell
            key={vc.key}
            left={vc.start}
            width={vc.size}
            colIndex={vc.index + 2}
            r={props.index}
            c={vc.index}
            cell={props.cells.get(cellKey(p.kind, p.id, rcp.id)) ?? null}
            looks={props.looks}
            tabbable={vc.index === props.activeCol}
            self={p.kind === 'unit' && p.id === rcp.id}
            recipientLabel={label}
            providerLabel={props.colLabels[vc.index]!}
            noHelp={props.noHelp}
            selfLabel={props.selfLabel}
            onPick={props.onPick}
          />
        );
      })}
    </div>
  );
});

const ColumnHead = memo(function ColumnHead(props: {
  left: number;
  width: number;
  height: number;
  colIndex: number;
  label: string;
  employee: boolean;
  employeeHint: string;
  gap: string | null;
  depth: number;
}) {
  const full = [props.label, props.employee ? props.employeeHint : '', props.gap ?? '']
    .filter(Boolean)
    .join(' — ');
  return (
    // The browser's own tooltip: a Mantine Tooltip per header loops on updates while columns
    // scroll in and out of view (React error 185), and the full name is in aria-label anyway.
    <div
      title={full}
      role="columnheader"
      aria-colindex={props.colIndex}
      aria-label={full}
      tabIndex={-1}
      className={`grid-col-head${props.employee ? ' grid-col-employee' : ''}${props.gap ? ' grid-gap' : ''}`}
      style={{ left: props.left, width: props.width, height: props.height }}
    >
      {props.gap && <IconAlertTriangle size={13} className="grid-gap-mark" aria-hidden />}
      {props.employee && <IconUser size={13} aria-hidden />}
      <span className="grid-col-text">{props.label}</span>
    </div>
  );
});

const MatrixCell = memo(function MatrixCell(props: {
  left: number;
  width: number;
  colIndex: number;
  r: number;
  c: number;
  cell: GridMatrixCell | null;
  looks: Map<string, TypeLook>;
  tabbable: boolean;
  /** A unit's own row and column meet here: a unit does not help itself. */
  self: boolean;
  recipientLabel: string;
  providerLabel: string;
  noHelp: string;
  selfLabel: string;
  onPick: (r: number, c: number) => void;
}) {
  const { cell, looks } = props;
  const n = cell?.support_type_ids.length ?? 0;
  const types = cell
    ? cell.support_type_ids.map((id) => looks.get(id)?.label ?? '?').join(', ')
    : props.noHelp;
  if (props.self) {
    return (
      <div
        role="gridcell"
        aria-colindex={props.colIndex}
        className="grid-cell"
        style={{ left: props.left, width: props.width }}
      >
        <button
          type="button"
          className="grid-cell-btn grid-cell-self"
          aria-disabled="true"
          aria-label={`${props.recipientLabel}: ${props.selfLabel}`}
          tabIndex={props.tabbable ? 0 : -1}
          data-cell={`${props.r}:${props.c}`}
        />
      </div>
    );
  }
  return (
    <div
      role="gridcell"
      aria-colindex={props.colIndex}
      className="grid-cell"
      style={{ left: props.left, width: props.width }}
    >
      <button
        type="button"
        className={`grid-cell-btn grid-tint-${tintLevel(n)}`}
        aria-label={`${props.recipientLabel} ← ${props.providerLabel}: ${types}`}
        tabIndex={props.tabbable ? 0 : -1}
        data-cell={`${props.r}:${props.c}`}
        onClick={() => props.onPick(props.r, props.c)}
      >
        {props.cell && <TypeBadges ids={props.cell.support_type_ids} looks={props.looks} max={3} />}
      </button>
    </div>
  );
});
