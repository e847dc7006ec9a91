// A select's options: each value, shown by its translated label.
export function Options<Value extends string>({ values, label }: { values: readonly Value[]; label: (value: Value) => string }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(value)}
        </option>
      ))}
    </>
  );
}
