import 'i18next';
import type { en } from './bundles';

// Typed keys: `t('users.titel')` is a compile error, not a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
