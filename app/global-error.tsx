"use client";

import Link from "next/link";

// The last resort, when even the layout failed: both languages, no details of the error.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main style={{ maxWidth: "40rem", margin: "3rem auto", fontFamily: "sans-serif", padding: "0 1rem" }}>
          <h1>Something went wrong</h1>
          <p>Please try again in a moment.</p>
          <h1 lang="ar" dir="rtl">
            حدث خطأ ما
          </h1>
          <p lang="ar" dir="rtl">
            يُرجى المحاولة مرة أخرى بعد قليل.
          </p>
          <p>
            <Link href="/">Nida · نداء</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
