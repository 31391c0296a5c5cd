import assert from "node:assert/strict";
import { test } from "node:test";
import { markdownToText, renderMarkdown } from "./markdown.js";

// Payloads a hostile colleague (or a compromised account) could paste into a bio or description.
const hostile = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)><circle/></svg>",
  '<iframe src="https://evil.example"></iframe>',
  '<div onclick="alert(1)">hi</div>',
  "<style>body{display:none}</style>",
  '<form action="https://evil.example"><input name=x></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<<script>script>alert(1)<</script>/script>",
  "<b onmouseover=alert(1)>unclosed",
  "`<script>` in code is fine",
  '[a](https://example.org "title" onmouseover=alert(1))',
  "<object data=javascript:alert(1)></object>",
  "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
];

test("hostile markdown renders inert", () => {
  for (const source of hostile) {
    const html = renderMarkdown(source);
    assert.doesNotMatch(html, /<script/i, `script tag survived: ${source}`);
    assert.doesNotMatch(
      html,
      /<(iframe|svg|object|embed|style|form|input|meta|math|img)\b/i,
      `dangerous tag survived: ${source}`,
    );
    // Escaped text such as "&lt;img onerror=...&gt;" is inert; only real tags can carry attributes.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `event handler survived: ${source} -> ${tag}`);
      assert.doesNotMatch(
        tag,
        /href\s*=\s*"(?!https?:|mailto:)/i,
        `non-http link survived: ${source} -> ${tag}`,
      );
      assert.doesNotMatch(
        tag,
        /javascript:|vbscript:|data:/i,
        `dangerous scheme survived: ${source} -> ${tag}`,
      );
      assert.doesNotMatch(
        tag,
        /\s(src|style|srcdoc|xlink:href|formaction)\s*=/i,
        `risky attribute survived: ${tag}`,
      );
    }
  }
});

test("ordinary markdown keeps its formatting and safe links", () => {
  const html = renderMarkdown(
    "# Title\n\nSome **bold** text with [a link](https://example.org) and `code`.\n\n- one\n- two",
  );
  assert.match(html, /<h3>Title<\/h3>/);
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<a href="https:\/\/example.org" rel="nofollow noopener noreferrer">a link<\/a>/);
  assert.match(html, /<code>code<\/code>/);
  assert.match(html, /<li>one<\/li>/);
});

test("plain-text summaries strip markup and shorten", () => {
  assert.equal(markdownToText("Hello **world** & <b>friends</b>"), "Hello world & <b>friends</b>");
  const long = markdownToText("word ".repeat(100), 20);
  assert.ok(long.length <= 20);
  assert.ok(long.endsWith("…"));
});
