<?xml version="1.0" encoding="UTF-8"?>
<!--
  The style sheets, as text: the HTML page embeds $t:css-html, the EPUB ships $t:css-epub as a file.
  Page numbers are CSS generated content from data-n, so that the text itself never contains them
  (a word split across pages stays one word when copied or searched).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="t:css-common" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"><![CDATA[
h1, h2, h3, h4, h5, h6 { font-weight: normal; line-height: 1.25; }
h1 { font-size: 1.8em; } h2 { font-size: 1.45em; } h3 { font-size: 1.2em; } h4, h5, h6 { font-size: 1.05em; }
.div.work h2, .div.document h2, .div.chapter h2 { text-align: center; }
p { margin: 0 0 0.8em; }
p.center, p.subtitle, .dateline, .salute, .byline, .docAuthor, .titlePart, .docEdition, .docImprint { text-align: center; }
p.right, .signed { text-align: right; }
.dateline { font-style: italic; }
.opener, .closer { margin: 0.8em 0; }
.closer .dateline { text-align: right; }
.closer .statement { font-size: 0.85em; margin: 0.2em 0; }
.hi.letter-spaced { letter-spacing: 0.25em; }
blockquote { margin: 0.8em 2em; font-size: 0.95em; }
ul.simple, ul.labelled, ol.labelled { list-style: none; padding-left: 1.5em; }
ul.contents { list-style: none; padding-left: 0; }
ul.contents ul.contents { padding-left: 1.5em; }
ul.contents .page { white-space: nowrap; padding-left: 0.5em; }
.label { font-weight: bold; }
pre.pre { font-size: 0.8em; line-height: 1.35; margin: 0.8em 0; overflow-x: auto; }
pre.pre.center { display: table; margin-left: auto; margin-right: auto; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #999; padding: 0.2em 0.5em; vertical-align: top; }
figure { text-align: center; margin: 1.5em 0; }
figure img { max-width: 100%; height: auto; }
sup.noteref { line-height: 0; font-size: 0.75em; }
.note { font-size: 0.9em; margin: 0.6em 0; }
.note-label { font-weight: bold; }
.pageref { white-space: nowrap; }
.transcriber-note { font-family: sans-serif; font-size: 0.8em; font-style: normal; }
.reg { text-decoration: underline dotted #767676; }
.sources dt { font-weight: bold; }
.sources dd { margin: 0 0 0.5em 1.5em; }
.siglum { font-weight: normal; font-family: monospace; }
]]></xsl:variable>

  <xsl:variable name="t:css-html" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"><![CDATA[
html { color: #1a1a1a; background: #fdfdf8; }
body { margin: 0; font-family: Georgia, "Times New Roman", serif; font-size: 1.1em; line-height: 1.6; }
header.edition, nav.toc, main { max-width: 38em; margin: 0 auto; padding: 1em 1em 1em 4.5em; }
header.edition { border-bottom: 1px solid #ccc; font-size: 0.95em; }
header.edition h1 { text-align: center; margin-bottom: 0.3em; }
header.edition .author, header.edition .created { text-align: center; margin: 0.2em 0; }
main { position: relative; }
[id] { scroll-margin-top: 2em; }
nav.toc { border-bottom: 1px solid #ccc; }
nav.toc ol { padding-left: 1.5em; }
/* Print page numbers: a hairline in the text, the number in the left margin at the same height. */
.pb { border-left: 1px solid #767676; }
.pb::before { content: attr(data-n); position: absolute; left: 0.5em; width: 3em; text-align: right;
  font: 0.75em/2 sans-serif; color: #595959; }
.pb:target { background: #ffe97a; }
.pb:target::before { color: #000; font-weight: bold; }
.note:target, aside:target { background: #fff6cc; }
section.footnotes { border-top: 1px solid #ccc; margin-top: 2em; }
a { color: #1a4f8b; }
@media print {
  html, body { background: #fff; color: #000; font-size: 11pt; }
  header.edition, nav.toc, main { max-width: none; padding: 0 0 0 3.5em; }
  a { color: inherit; text-decoration: none; }
  .pb::before { color: #000; }
  .note, figure, table { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }

  @page { margin: 2cm 2cm 2cm 2.5cm; }
}
]]></xsl:variable>

  <xsl:variable name="t:css-epub" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"><![CDATA[
body { font-family: serif; line-height: 1.5; margin: 0 1em; }
/* Reading systems place page numbers poorly in margins: a small bracketed number in the text. */
.pb::before { content: "[" attr(data-n) "]"; font: 0.65em sans-serif; color: #595959; vertical-align: super; }
aside.note { border-top: 1px solid #ccc; padding-top: 0.3em; }
section.titlepage h1, section.titlepage .author, section.titlepage .created { text-align: center; }
]]></xsl:variable>
</xsl:stylesheet>
