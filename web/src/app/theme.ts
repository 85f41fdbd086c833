import { PasswordInput, Select, TextInput, createTheme } from '@mantine/core';

/**
 * Calm and legible: the app is read on office screens and on phones in the field.
 *
 * Inputs show no required asterisk: nearly every field is required, so the few optional ones say
 * "optional" instead. It also keeps each label's text exactly its name ("Password", not
 * "Password *"), which is what people and label-based browser tests look for. The `required`
 * attribute itself stays on the input.
 */
const noAsterisk = { defaultProps: { withAsterisk: false } };

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    Select: Select.extend(noAsterisk),
  },
});
