import { useCallback, useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { useErrorText } from '../i18n/error-text';

interface SplitErrors {
  /** Sentences to show under the named fields. */
  fields: Record<string, string>;
  /** A sentence for the form as a whole, or null when every problem sits next to its field. */
  message: string | null;
}

/**
 * Spreads an API error over a form: each validation issue goes next to the field it names (several
 * issues on one field are joined), a duplicate e-mail or a wrong current password too; whatever has
 * no matching field becomes the form-level message.
 */
function useSplitErrors() {
  const { t } = useTranslation();
  const { errorText, issueText } = useErrorText();
  return useCallback(
    (error: unknown, fieldNames: readonly string[]): SplitErrors => {
      const fields: Record<string, string> = {};
      if (!isApiError(error)) return { fields, message: errorText(error) };
      const has = (name: string | undefined): name is string => !!name && fieldNames.includes(name);
      if (error.code === 'validation_failed' && error.issues.length > 0) {
        const leftover: string[] = [];
        for (const issue of error.issues) {
          const text = issueText(issue);
          if (has(issue.path))
            fields[issue.path] = fields[issue.path] ? `${fields[issue.path]} ${text}` : text;
          else leftover.push(text);
        }
        return { fields, message: leftover.length > 0 ? leftover.join(' ') : null };
      }
      if (error.code === 'conflict' && has(error.field))
        return { fields: { [error.field]: errorText(error) }, message: null };
      if (error.code === 'invalid_credentials' && has(error.field)) {
        return { fields: { [error.field]: t('errors.wrongCurrentPassword') }, message: null };
      }
      return { fields, message: errorText(error) };
    },
    [t, errorText, issueText],
  );
}

/**
 * What the server said about a sent form, held for that form: issues go next to their fields (through
 * the form), the rest is `message`, for the FormErrorAlert above the submit button. `clear` drops the
 * message when the form is sent again or put away; fields clear their own errors as they change.
 */
export function useServerErrors<Values>(
  form: UseFormReturnType<Values>,
  fieldNames: readonly (keyof Values & string)[],
) {
  const splitErrors = useSplitErrors();
  const [message, setMessage] = useState<string | null>(null);
  return {
    message,
    clear: () => setMessage(null),
    show: (error: unknown) => {
      const split = splitErrors(error, fieldNames);
      form.setErrors(split.fields);
      setMessage(split.message);
    },
  };
}
