import type { ReactNode } from "react";

// A column heading; false or null leaves the column out (one only some actors may use).
type TableColumn = { label: ReactNode; numeric?: boolean } | false | null;

type Props = {
  // The scrolling region's accessible name: the id of the element naming it, or the name itself.
  labelledBy?: string;
  label?: string;
  // The table's classes, e.g. "organiser-table stack-on-phone".
  className: string;
  caption?: ReactNode;
  captionId?: string;
  captionHidden?: boolean;
  columns: TableColumn[];
  // The tables that stack on phones spell out their ARIA roles, which display: block drops.
  withRoles?: boolean;
  // The body's rows.
  children: ReactNode;
};

// An organiser table: a scrolling region a keyboard can reach, with column headings.
export function OrganiserTable({ labelledBy, label, className, caption, captionId, captionHidden = false, columns, withRoles = false, children }: Props) {
  const role = (name: string) => (withRoles ? name : undefined);
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      <table className={className} role={role("table")}>
        {caption !== undefined ? (
          <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
            {caption}
          </caption>
        ) : null}
        <thead role={role("rowgroup")}>
          <tr role={role("row")}>
            {columns.map((column, index) =>
              column ? (
                <th key={index} scope="col" role={role("columnheader")} className={column.numeric ? "numeric" : undefined}>
                  {column.label}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody role={role("rowgroup")}>{children}</tbody>
      </table>
    </div>
  );
}
