import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Employee, EmployeeList } from '../../../../src/contract/employee.schema';
import type {
  GridAskResult,
  GridCell,
  GridCellCreateBody,
  GridCellList,
  GridCellUpdate,
  GridHistoryPage,
  GridMatrix,
  SupportType,
  SupportTypeCreateBody,
  SupportTypeList,
  SupportTypeUpdate,
} from '../../../../src/contract/grid.schema';
import type { UnitTree } from '../../../../src/contract/unit.schema';
import type { User } from '../../../../src/contract/user.schema';
import { api } from '../../api/api-client';

/** Everything of the grid sits under this key, so one change refreshes the matrix, answers and history. */
export const GRID_KEY = ['grid'] as const;

export interface MatrixFilters {
  /** Rows and columns narrowed to this unit's subtree. */
  unit: string;
  /** Only cells giving this kind of help (rows and columns stay, so the gaps show). */
  type: string;
}

export function useGridMatrix(filters: MatrixFilters) {
  return useQuery({
    queryKey: [...GRID_KEY, 'matrix', filters],
    queryFn: ({ signal }) =>
      api.get<GridMatrix>('/grid', { unit_id: filters.unit, support_type_id: filters.type }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSupportTypes() {
  return useQuery({
    queryKey: [...GRID_KEY, 'types'],
    queryFn: ({ signal }) => api.get<SupportTypeList>('/support-types', { limit: 500 }, signal),
  });
}

/** The organization as a tree (archived units included; callers skip them). */
export function useUnitTree() {
  return useQuery({
    queryKey: ['units', 'tree'],
    queryFn: ({ signal }) => api.get<UnitTree>('/units/tree', undefined, signal),
    staleTime: 60_000,
  });
}

export function useGridCell(id: string | null) {
  return useQuery({
    queryKey: [...GRID_KEY, 'cell', id],
    queryFn: ({ signal }) => api.get<GridCell>(`/grid/cells/${id}`, undefined, signal),
    enabled: !!id,
  });
}

const CELL_PAGE = 500;

/** Every cell with its texts (the printout needs instructions), fetched a page at a time. */
export function useAllGridCells(enabled: boolean) {
  return useQuery({
    queryKey: [...GRID_KEY, 'cells', 'all'],
    enabled,
    queryFn: async ({ signal }) => {
      const items: GridCell[] = [];
      for (let offset = 0; ; offset += CELL_PAGE) {
        const page = await api.get<GridCellList>('/grid/cells', { limit: CELL_PAGE, offset }, signal);
        items.push(...page.items);
        if (page.items.length < CELL_PAGE || items.length >= page.total) return items;
      }
    },
  });
}

function useInvalidateGrid() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: GRID_KEY });
}

export function useCreateCell() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: (body: GridCellCreateBody) => api.post<GridCell>('/grid/cells', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCell() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: ({ id, ...patch }: GridCellUpdate & { id: string }) =>
      api.patch<GridCell>(`/grid/cells/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteCell() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/grid/cells/${id}`),
    onSuccess: invalidate,
  });
}

export function useCreateSupportType() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: (body: SupportTypeCreateBody) => api.post<SupportType>('/support-types', body),
    onSuccess: invalidate,
  });
}

export function useUpdateSupportType() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: ({ id, ...patch }: SupportTypeUpdate & { id: string }) =>
      api.patch<SupportType>(`/support-types/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteSupportType() {
  const invalidate = useInvalidateGrid();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/support-types/${id}`),
    onSuccess: invalidate,
  });
}

export interface AskFilters {
  unit: string;
  type: string;
  q: string;
}

/** "Whom do I ask?": the unit's own cells first, then those inherited from its ancestors. */
export function useGridAsk(filters: AskFilters) {
  return useQuery({
    queryKey: [...GRID_KEY, 'ask', filters],
    queryFn: ({ signal }) =>
      api.get<GridAskResult>(
        '/grid/ask',
        { unit_id: filters.unit, support_type_id: filters.type, q: filters.q.trim() },
        signal,
      ),
    enabled: !!filters.unit,
    placeholderData: keepPreviousData,
  });
}

/** `2026-03-02` → the instant that day starts in the reader's time zone, plus `days`. */
export function localDayStart(date: string, days = 0): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + days);
  return d.toISOString();
}

const HISTORY_PAGE = 50;

/** Changes to the grid, newest first, a page at a time; `from`/`to` are inclusive local days. */
export function useGridHistory(range: { from: string; to: string }) {
  return useInfiniteQuery({
    queryKey: [...GRID_KEY, 'history', range],
    queryFn: ({ pageParam, signal }) =>
      api.get<GridHistoryPage>(
        '/grid/history',
        {
          from: range.from ? localDayStart(range.from) : undefined,
          to: range.to ? localDayStart(range.to, 1) : undefined,
          limit: HISTORY_PAGE,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Active employees matching the text (code, name or e-mail), for the contact picker. */
export function useEmployeeSearch(q: string) {
  return useQuery({
    queryKey: ['employees', 'search', q],
    queryFn: ({ signal }) =>
      api.get<EmployeeList>('/employees', { q: q.trim(), status: 'active', limit: 20 }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useEmployee(id: string | null) {
  return useQuery({
    queryKey: ['employees', 'one', id],
    queryFn: ({ signal }) => api.get<Employee>(`/employees/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: 60_000,
  });
}

/**
 * The signed-in person's employee record, found by their e-mail (and their account link when the
 * record has one); null when there is none.
 */
export function useMyEmployee(user: User) {
  return useQuery({
    queryKey: ['employees', 'me', user.id],
    queryFn: async ({ signal }) => {
      const list = await api.get<EmployeeList>(
        '/employees',
        { q: user.email, status: 'active', limit: 20 },
        signal,
      );
      return (
        list.items.find((e) => e.user_id === user.id) ??
        list.items.find((e) => e.email?.toLowerCase() === user.email.toLowerCase()) ??
        null
      );
    },
    staleTime: 5 * 60_000,
  });
}
