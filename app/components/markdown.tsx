import ReactMarkdown from "react-markdown";

// Campaign text is Markdown written by organisers: raw HTML is never rendered, and links are
// marked so they pass no ranking or referrer.
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children: text }) => (
            <a href={href} rel="nofollow noopener noreferrer ugc" target="_blank">
              {text}
            </a>
          ),
          img: () => null,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
