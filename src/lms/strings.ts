/**
 * The words the LMS packages show around the exercise (cmi5's way back to the course), apart from
 * src/i18n: the learner's set page and the embed carry none of them.
 */
export const strings = {
  en: { returnToCourse: 'Return to course' },
  fr: { returnToCourse: 'Revenir au cours' },
} as const;
