<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions shared by every rendition: ids of rendered elements, page-marker ids, link targets,
  plain strings of headings. The EPUB stylesheet overrides t:file-of() (import precedence) so that
  links cross content documents; everything else is the same for all outputs.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:key name="t:id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="t:pb-by-n" match="pb[@n]" use="normalize-space(@n)"/>
  <xsl:key name="t:refs-to" match="ref[@target]" use="tokenize(normalize-space(@target), ' ')"/>

  <!-- The id an element gets in the rendition: its xml:id, or its name and number among the
       elements of that name without xml:id (div-3). Not generate-id(): that differs between runs
       in one process, and the same TEI must give the same bytes. The number is the element's
       place in the key's list of its namesakes (document order), found by halving: a map of every
       element's number, built up front, cost a quarter of an HTML rendering. -->
  <xsl:key name="t:unnamed-by-name" match="*[not(@xml:id)]" use="local-name()"/>

  <xsl:function name="t:id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id)
                          else 't-' || local-name($el) || '-'
                               || (let $same := key('t:unnamed-by-name', local-name($el), root($el))
                                   return t:position-in($same, $el, 1, count($same)))"/>
  </xsl:function>

  <!-- Position of $el in $seq (distinct nodes in document order), searched between $lo and $hi. -->
  <xsl:function name="t:position-in" as="xs:integer?">
    <xsl:param name="seq" as="node()*"/>
    <xsl:param name="el" as="node()"/>
    <xsl:param name="lo" as="xs:integer"/>
    <xsl:param name="hi" as="xs:integer"/>
    <xsl:variable name="mid" select="($lo + $hi) idiv 2"/>
    <xsl:sequence select="if ($lo gt $hi) then ()
                          else if ($seq[$mid] is $el) then $mid
                          else if ($seq[$mid] &lt;&lt; $el) then t:position-in($seq, $el, $mid + 1, $hi)
                          else t:position-in($seq, $el, $lo, $mid - 1)"/>
  </xsl:function>

  <!-- Page marker id: p277; a page number seen twice (front-matter roman numerals reused, several
       editions) gets -2, -3 … so that ids stay unique. Characters outside [A-Za-z0-9._-] become _. -->
  <xsl:function name="t:page-id" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="n" select="normalize-space($pb/@n)"/>
    <xsl:variable name="same" select="key('t:pb-by-n', $n, root($pb))"/>
    <xsl:variable name="base" select="'p' || replace($n, '[^A-Za-z0-9._-]', '_')"/>
    <xsl:sequence select="if (count($same) le 1) then $base
                          else $base || (let $i := count($same[. &lt;&lt; $pb]) + 1
                                         return if ($i = 1) then '' else '-' || $i)"/>
  </xsl:function>

  <!-- Id of the rendered element that stands for a TEI element. -->
  <xsl:function name="t:target-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::pb) then t:page-id($el) else t:id($el)"/>
  </xsl:function>

  <!-- The file a TEI element is rendered into: '' for the one-file HTML. EPUB overrides this. -->
  <xsl:function name="t:file-of" as="xs:string">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="''"/>
  </xsl:function>

  <!-- A link from the place where $from is rendered to the rendition of $to. -->
  <xsl:function name="t:link" as="xs:string">
    <xsl:param name="from" as="node()"/>
    <xsl:param name="to" as="element()"/>
    <xsl:variable name="file" select="t:file-of($to)"/>
    <xsl:sequence select="(if ($file = t:file-of($from)) then '' else $file) || '#' || t:target-id($to)"/>
  </xsl:function>

  <!-- The element a same-document pointer (#n1) names, if any. -->
  <xsl:function name="t:resolve" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($pointer, '#'))
                          then key('t:id', substring($pointer, 2), root($context))[1] else ()"/>
  </xsl:function>

  <!-- A note written inside running text (not the house encoding, which places notes as blocks
       and points to them with ref type="noteref"): rendered as a reference plus a collected note. -->
  <xsl:function name="t:is-inline-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/self::note)
                          and not($note/ancestor::div[@type = 'notes'])
                          and not($note/ancestor::*[t:is-entry-list(.)])
                          and not($note/parent::div or $note/parent::body or $note/parent::back
                                  or $note/parent::front)
                          and empty(key('t:refs-to', '#' || $note/@xml:id, root($note))[@type = 'noteref'])"/>
  </xsl:function>

  <!-- The references that point to a note: its @target list, or the refs whose @target names it. -->
  <xsl:function name="t:refs-of-note" as="element()*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@target)
                          then (for $p in tokenize(normalize-space($note/@target), ' ')
                                return t:resolve($note, $p))
                          else if ($note/@xml:id)
                          then key('t:refs-to', '#' || $note/@xml:id, root($note))[@type = 'noteref']
                          else ()"/>
  </xsl:function>

  <!-- Label of a note: @n, else its number among the notes of the document. -->
  <xsl:function name="t:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@n) then string($note/@n)
                          else string(count($note/preceding::note[not(@n)]) + 1)"/>
  </xsl:function>

  <!-- A division: div, or the numbered div1 … div7 of other TEI. -->
  <xsl:function name="t:is-div" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/(self::div | self::div1 | self::div2 | self::div3 | self::div4 | self::div5 | self::div6 | self::div7))"/>
  </xsl:function>

  <!-- Plain one-line text of a heading (line breaks become spaces, orig readings dropped). -->
  <!-- Words standing for an image in a line of the text, where the image is not shown (plain text,
       an EPUB without it): its description in brackets. -->
  <xsl:function name="t:image-words" as="xs:string">
    <xsl:param name="graphic" as="element()"/>
    <xsl:sequence select="'[' || (normalize-space($graphic/desc)[.], 'image')[1] || ']'"/>
  </xsl:function>

  <xsl:function name="t:plain-heading" as="xs:string">
    <xsl:param name="head" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$head/node()" mode="t:plain-heading"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>
  <xsl:template match="lb" mode="t:plain-heading">
    <xsl:sequence select="if (@break = 'no') then '' else ' '"/>
  </xsl:template>
  <xsl:template match="orig | note | ref[@type = ('noteref', 'pageref')] | ptr[@type = 'pageref'] | figDesc | graphic" mode="t:plain-heading"/>
  <xsl:template match="text()" mode="t:plain-heading">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <!-- Title of a division for tables of contents: its head; for a work without one (its title
       only in the title block the header was read from), the document's title; else its type,
       else 'Section'. -->
  <xsl:function name="t:div-title" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="h" select="t:plain-heading($div/head[1])"/>
    <xsl:variable name="titles" select="$div/ancestor::TEI[1]/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="if ($h) then $h
                          else if ($div/@type = 'work' and $titles) then normalize-space(($titles[@type = 'main'], $titles)[1])
                          else if ($div/@type = 'notes') then 'Notes'
                          else if ($div/@type = 'titlepage') then 'Title page'
                          else if ($div/@type) then upper-case(substring($div/@type, 1, 1)) || substring($div/@type, 2)
                          else 'Section'"/>
  </xsl:function>

  <!-- A page break without break="no" stands between words: where the text has no space around
       it (…518).<pb/>Below…), the renditions supply one. -->
  <xsl:function name="t:pb-needs-space" as="xs:boolean">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="not($pb/@break = 'no')
                          and matches(string($pb/preceding-sibling::node()[1][self::text()]), '\S$')
                          and matches(string($pb/following-sibling::node()[1][self::text()]), '^\S')"/>
  </xsl:function>
</xsl:stylesheet>
