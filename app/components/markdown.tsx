import ReactMarkdown from "react-markdown";

// Campaign text is Markdown written by organisers: raw HTML is never rendered, and links are
// marked so they pass no ranking or referrer.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown
        skipHtml
        components={{
          // An unsafe address (javascript:, data:) arrives here emptied: show the text, not a link.
          a: ({ href, children: text }) =>
            href ? (
              <a href={href} rel="nofollow noopener noreferrer ugc" target="_blank">
                {text}
              </a>
            ) : (
              <span>{text}</span>
            ),
          img: () => null,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
