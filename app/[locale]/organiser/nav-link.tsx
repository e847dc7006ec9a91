"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

// A link of the organiser menu, marked as the current page for assistive technology.
export function NavLink({ href, children, section }: { href: string; children: ReactNode; section?: string[] }) {
  const pathname = usePathname() ?? "";
  const current = pathname === href || (section ?? []).some((prefix) => pathname.startsWith(prefix));
  return (
    <a href={href} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}
