/**
 * Standards in plain words for the agreement pages and the handbook: the same sentences as the
 * editor's preview (core/standards/describe).
 */
export {
  describeMeasure,
  describeStandard,
  describeTarget,
  localized,
  ruPlural,
} from '../../../../src/core/standards/describe';
