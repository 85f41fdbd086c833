import { useEffect, useState } from 'react';
import type { ImportProblem } from '../../../src/contract/org-transfer.schema';
import { importProblems } from '../api/import-problems';

interface Callbacks<R> {
  onSuccess: (report: R) => void;
  onError: (error: unknown) => void;
}

/**
 * The two steps of a file import, shared by the organization's and the grid's: choose a file,
 * check it (a dry run: counts, or every problem), then apply it. Choosing another file, or opening
 * the dialog again, starts over. `run` sends the file; `onApplied` runs after a real import.
 */
export function useImportSteps<R extends { dry_run: boolean }>({
  opened,
  run,
  onApplied,
  errorText,
}: {
  opened: boolean;
  run: (file: File, dryRun: boolean, callbacks: Callbacks<R>) => void;
  onApplied: (report: R) => void;
  errorText: (error: unknown) => string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Forgets the last check (a new file, or a setting the check depended on changed). */
  const clearResult = () => {
    setReport(null);
    setProblems(null);
    setError(null);
  };

  useEffect(() => {
    if (!opened) return;
    setFile(null);
    clearResult();
  }, [opened]);

  const send = (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setProblems(null);
    run(file, dryRun, {
      onSuccess: (answer) => (answer.dry_run ? setReport(answer) : onApplied(answer)),
      onError: (e) => {
        setReport(null);
        const rows = importProblems(e);
        if (rows) setProblems(rows);
        else setError(errorText(e));
      },
    });
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    clearResult();
  };

  return { file, chooseFile, report, problems, error, send, clearResult };
}
