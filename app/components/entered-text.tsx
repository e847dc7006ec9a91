const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Whether text, as someone entered it, is written without Arabic letters. */
export function hasNoArabic(text: string): boolean {
  return !arabicLetters.test(text);
}

// Data shown as it was entered (a person's name, a region), which has no translation: isolated from
// the text around it, and marked as English when it holds no Arabic letters, so that screen readers
// read it in the right voice.
export function EnteredText({ text, className }: { text: string; className?: string }) {
  return hasNoArabic(text) ? (
    <bdi lang="en" dir="auto" className={className}>
      {text}
    </bdi>
  ) : (
    <bdi className={className}>{text}</bdi>
  );
}
