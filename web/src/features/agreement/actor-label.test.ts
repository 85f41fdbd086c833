import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, ru } from '../../i18n/bundles';
import { actorName } from './actor-label';

describe('actorName', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: 'en' });
  const tEn = i18n.getFixedT('en');
  const tRu = i18n.getFixedT('ru');

  it('names a person by their name, whatever the label', () => {
    expect(actorName({ name: 'Anna Admin' }, 'anna@example.org', tEn)).toBe('Anna Admin');
  });

  it('says in words who acted when no person did', () => {
    expect(actorName(null, 'cli', tEn)).toBe('Command line');
    expect(actorName(null, 'cli', tRu)).toBe('Командная строка');
    expect(actorName(null, 'demo', tRu)).toBe('Демо');
    expect(actorName(undefined, 'scheduler', tEn)).toBe('Etalon, on schedule');
  });

  it('keeps any other label (a token name) and an absent one as empty', () => {
    expect(actorName(null, 'telephony', tEn)).toBe('telephony');
    expect(actorName(null, null, tEn)).toBe('');
  });
});
