<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → plain UTF-8 text for reading and corpus tools: a short bibliographic header ending in a
  line of "=", then the reading text, one paragraph per line, blocks separated by blank lines.
  Regularised readings (reg), never orig; a word split across pages (pb break="no") is one word;
  note references as [1], notes where the TEI has them (endnotes after the text, foot-of-page notes
  at the foot of their page) as "[1] text"; notes written inside running text are collected at the
  end. Parameter pages=true inserts [p. 277] at each print page break — after the word, when the
  break falls inside one.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:import href="common/util.xsl"/>
  <xsl:import href="common/header.xsl"/>
  <xsl:import href="common/any-tei-functions.xsl"/>
  <!-- Included, not imported: its templates must outrank this module's general ones by priority. -->
  <xsl:include href="common/text-any.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="pages" as="xs:string" select="'false'"/>
  <xsl:param name="header" as="xs:string" select="'true'"/>
  <xsl:variable name="show-pages" select="$pages = ('true', 'yes', '1')"/>

  <!-- Private-use characters mark line breaks and page breaks until a line is laid out. -->
  <xsl:variable name="LB" select="'&#xE000;'"/>
  <xsl:variable name="PB" select="'&#xE001;'"/>
  <xsl:variable name="PB-IN-WORD" select="'&#xE002;'"/>
  <xsl:variable name="END" select="'&#xE003;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="(TEI, teiCorpus/TEI)[1]"/>
    <xsl:if test="$header = ('true', 'yes', '1')">
      <xsl:apply-templates select="(teiCorpus, $tei)[1]/teiHeader" mode="txt-header"/>
    </xsl:if>
    <!-- A teiCorpus: every member under its title (text-any.xsl). -->
    <xsl:variable name="texts" select="if (teiCorpus) then teiCorpus//TEI else $tei/text"/>
    <xsl:apply-templates select="$texts" mode="txt"/>
    <xsl:variable name="inline-notes" select="$texts/descendant-or-self::text//note[t:is-inline-note(.)]"/>
    <xsl:if test="$inline-notes">
      <xsl:value-of select="'Notes' || $NL || $NL"/>
      <xsl:for-each select="$inline-notes">
        <xsl:value-of select="t:block('[' || t:note-label(.) || '] ', node(), '') || $NL || $NL"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="teiHeader" mode="txt-header">
    <xsl:variable name="fd" select="fileDesc"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="t:main-title(.)"/>
      <!-- the subtitles, as the HTML header gives them (common/header.xsl) -->
      <xsl:sequence select="string-join($fd/titleStmt/title[@type = 'sub'] ! t:plain-heading(.), '; ')"/>
      <xsl:sequence select="string-join($fd/titleStmt/author[normalize-space()] ! normalize-space(.), ', ')"/>
      <xsl:for-each select="profileDesc/creation/date[not(@type)][1]"><xsl:sequence select="t:lead(., 'Written') || normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="profileDesc/creation/date[@type = 'published'][1]"><xsl:sequence select="t:lead(., 'First published') || normalize-space(.)"/></xsl:for-each>
      <xsl:sequence select="''"/>
      <xsl:for-each select="$fd/sourceDesc//(biblStruct | bibl)[not(ancestor::biblStruct or ancestor::bibl)]">
        <xsl:variable name="b" as="item()*"><xsl:apply-templates select="." mode="t:bibl"/></xsl:variable>
        <xsl:sequence select="t:witness-label(@type) || ': ' || normalize-space(string-join($b ! string(.)))"/>
      </xsl:for-each>
      <xsl:variable name="pub" as="item()*"><xsl:apply-templates select="$fd/publicationStmt" mode="t:bibl"/></xsl:variable>
      <xsl:sequence select="normalize-space(string-join($pub ! string(.)))"/>
    </xsl:variable>
    <xsl:value-of select="string-join($lines[. != ''] , $NL) || $NL || string-join((1 to 40) ! '=') || $NL || $NL"/>
  </xsl:template>

  <!-- Containers: their blocks. -->
  <xsl:template match="text | front | body | back | div | div1 | div2 | div3 | div4 | opener | closer
                       | titlePage | docTitle | epigraph | argument | postscript | figure | lg | table | row" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:apply-templates select="*" mode="txt"/>
  </xsl:template>

  <xsl:template match="quote[(p | ab | lg | l | list | table | figure | quote | cit)] | cit | quote[not(ancestor::p)]" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="(p | ab | lg | l | list | table | figure | quote | cit)">
        <xsl:apply-templates select="*" mode="txt"><xsl:with-param name="indent" select="$indent || '    '" tunnel="yes"/></xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="t:block($indent || '    ', node(), '')"/><xsl:value-of select="$NL || $NL"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Blocks of running text: one laid-out line each (inner blocks of a p get their own). -->
  <xsl:template match="head | p | ab | dateline | salute | signed | byline | docAuthor | docDate | trailer
                       | titlePart | docEdition | docImprint | l | cell | label | bibl | closer/seg[@type = 'statement']" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:choose>
      <!-- Most blocks hold no inner block: one line of all their nodes, without grouping them. -->
      <xsl:when test="not(list | table | quote | figure | lg | note)">
        <xsl:variable name="line" select="t:block($indent, node(), '')"/>
        <xsl:if test="$line"><xsl:value-of select="$line || $NL || $NL"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="node()" group-adjacent="t:is-block(.)">
          <xsl:choose>
            <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()" mode="txt"/></xsl:when>
            <xsl:otherwise>
              <xsl:variable name="line" select="t:block($indent, current-group(), '')"/>
              <xsl:if test="$line"><xsl:value-of select="$line || $NL || $NL"/></xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Preformatted text: its lines as they are, each after the indentation of its quotation, no
       line joined, no space collapsed; with pages=true a page beginning at a line's start is
       marked on a line of its own before it. -->
  <xsl:template match="ab[@type = 'preformatted']" mode="txt" priority="2">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="raw" as="xs:string*"><xsl:apply-templates select="node()" mode="pre"/></xsl:variable>
    <xsl:variable name="s" select="replace(string-join($raw), '\s+$', '')"/>
    <xsl:if test="$s">
      <xsl:value-of select="(if ($indent) then replace($s, '^(.)', $indent || '$1', 'm') else $s) || $NL || $NL"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="pb" mode="pre">
    <xsl:if test="$show-pages and normalize-space(@n)">
      <xsl:variable name="before" select="string-join(preceding-sibling::node() ! string(.))"/>
      <xsl:sequence select="'[p. ' || normalize-space(@n) || ']' || (if ($before = '' or ends-with($before, $NL)) then $NL else ' ')"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="lb" mode="pre"><xsl:sequence select="$NL"/></xsl:template>
  <xsl:template match="node()" mode="pre"><xsl:apply-templates select="." mode="inline"/></xsl:template>

  <!-- A paragraph holding the foot note of a page it runs over, not its first (the TEI has the note
       where that page ends): the paragraph whole, then the note, as in the HTML and the EPUB. -->
  <xsl:template match="p[note[@place = 'foot'][not(t:is-inline-note(.))]][empty(node()[t:is-block(.)] except note)]" mode="txt" priority="1">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="feet" select="note[@place = 'foot'][not(t:is-inline-note(.))]"/>
    <xsl:variable name="line" select="t:block($indent, node() except $feet, '')"/>
    <xsl:if test="$line"><xsl:value-of select="$line || $NL || $NL"/></xsl:if>
    <xsl:apply-templates select="$feet" mode="txt"/>
  </xsl:template>
  <xsl:function name="t:is-block" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/(self::list | self::table | self::quote[(p | ab | lg | l | list | table | figure | quote | cit)] | self::figure | self::lg
                          | self::note[not(t:is-inline-note(.))]))"/>
  </xsl:function>

  <xsl:template match="list" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:apply-templates select="head | pb" mode="txt"/>
    <xsl:for-each select="item">
      <xsl:value-of select="t:block($indent || (if (@n) then @n else '*') || ' ', node(), '') || $NL"/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- A printed contents list: an entry a line (label, title, page), sub-entries indented under it. -->
  <xsl:template match="list[@type = 'contents']" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:for-each select="item">
      <xsl:value-of select="t:block($indent, node() except list, '') || $NL"/>
      <xsl:apply-templates select="list" mode="txt"><xsl:with-param name="indent" select="$indent || '    '" tunnel="yes"/></xsl:apply-templates>
    </xsl:for-each>
    <xsl:if test="not(parent::item)"><xsl:value-of select="$NL"/></xsl:if>
  </xsl:template>

  <!-- A note: "[1] " before its first paragraph, further paragraphs indented, its [p. N]
       back-reference at the end of the last one. -->
  <xsl:template match="note" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="label" select="'[' || t:note-label(.) || '] '"/>
    <xsl:choose>
      <xsl:when test="p and not(text()[normalize-space()])">
        <xsl:variable name="last-p" select="p[last()]"/>
        <xsl:variable name="tail" select="(ref | ptr)[@type = 'pageref'][$last-p &lt;&lt; .]"/>
        <xsl:for-each select="* except $tail">
          <xsl:choose>
            <xsl:when test="self::p">
              <xsl:value-of select="t:block($indent || (if (. is ../p[1]) then $label else '    '),
                                    (node(), if (. is $last-p) then $tail else ()), '') || $NL || $NL"/>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="." mode="txt"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="t:block($indent || $label, node(), '') || $NL || $NL"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="pb" mode="txt">
    <xsl:if test="$show-pages and normalize-space(@n)">
      <xsl:value-of select="'[p. ' || normalize-space(@n) || ']' || $NL || $NL"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="teiHeader | figDesc | anchor | text()" mode="txt"/>
  <xsl:template match="graphic" mode="txt">
    <xsl:if test="../figDesc"><xsl:value-of select="'[Figure: ' || normalize-space(../figDesc) || ']' || $NL || $NL"/></xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="txt">
    <xsl:variable name="line" select="t:block('', node(), '')"/>
    <xsl:if test="$line"><xsl:value-of select="$line || $NL || $NL"/></xsl:if>
  </xsl:template>

  <!-- Lay out inline content as one line (lb keeps its line break), with page markers placed. -->
  <xsl:function name="t:block" as="xs:string">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="suffix" as="xs:string"/>
    <xsl:variable name="raw" as="xs:string*"><xsl:apply-templates select="$nodes" mode="inline"/></xsl:variable>
    <xsl:variable name="s" select="normalize-space(string-join($raw))"/>
    <!-- A page that begins inside a word is marked after the word: overlooking [p. 277]. -->
    <!-- Each replace only where its marker occurs: most lines have none, and a regular expression
         built at run time is compiled at every call. -->
    <xsl:variable name="s" select="if (not(contains($s, $PB-IN-WORD))) then $s
                                   else normalize-space(replace($s, '(\S*)' || $PB-IN-WORD || '([^' || $END || ']*)' || $END || '(\S*)', '$1$3 [p. $2]'))"/>
    <!-- normalize-space again only where a page marker was put in: it costs most of a long line. -->
    <xsl:variable name="s" select="if (not(contains($s, $PB))) then $s
                                   else normalize-space(replace($s, '\s*' || $PB || '([^' || $END || ']*)' || $END || '\s*', ' [p. $1] '))"/>
    <xsl:variable name="s" select="if (not(contains($s, $LB))) then $s
                                   else replace($s, ' ?' || $LB || ' ?', $NL || $prefix)"/>
    <!-- '' or a line with words: a caller's test of it needs no normalize-space -->
    <xsl:sequence select="if ($s) then $prefix || $s || $suffix else ''"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline"><xsl:sequence select="string(.)"/></xsl:template>
  <xsl:template match="lb" mode="inline"><xsl:sequence select="if (@break = 'no') then '' else $LB"/></xsl:template>
  <xsl:template match="pb" mode="inline">
    <xsl:if test="$show-pages and normalize-space(@n)">
      <xsl:sequence select="(if (@break = 'no') then $PB-IN-WORD else $PB) || normalize-space(@n) || $END"/>
    </xsl:if>
    <xsl:if test="t:pb-needs-space(.)"><xsl:sequence select="' '"/></xsl:if>
  </xsl:template>
  <!-- Blocks met inside running text (a note's paragraphs laid out as one line) stay apart. -->
  <xsl:template match="p | head | item | cell | l | lg | quote[(p | ab | lg | l | list | table | figure | quote | cit)] | list | table | row" mode="inline">
    <xsl:sequence select="' '"/><xsl:apply-templates mode="inline"/><xsl:sequence select="' '"/>
  </xsl:template>
  <xsl:template match="choice" mode="inline">
    <xsl:apply-templates select="(reg, corr, expan, orig, sic, abbr)[1]/node()" mode="inline"/>
  </xsl:template>
  <xsl:template match="ref[@type = 'noteref']" mode="inline">
    <xsl:sequence select="'[' || normalize-space(.) || ']'"/>
  </xsl:template>
  <xsl:template match="ref[@type = 'pageref'] | ptr[@type = 'pageref']" mode="inline">
    <xsl:sequence select="' [p. ' || normalize-space(@n) || ']'"/>
  </xsl:template>
  <!-- a pointer has no content: in plain text its web address stands for it (HTML links it) -->
  <xsl:template match="ptr[matches(@target, '^(https?|mailto|ftp):', 'i')]" mode="inline">
    <xsl:sequence select="string(@target)"/>
  </xsl:template>
  <xsl:template match="note[t:is-inline-note(.)]" mode="inline">
    <xsl:sequence select="'[' || t:note-label(.) || ']'"/>
  </xsl:template>
  <!-- an image in a line of the text: its description in brackets, where a word of the line stands -->
  <xsl:template match="graphic" mode="inline">
    <xsl:sequence select="t:image-words(.)"/>
  </xsl:template>
  <xsl:template match="figDesc | anchor | del | teiHeader | note" mode="inline"/>
  <xsl:template match="*" mode="inline"><xsl:apply-templates mode="inline"/></xsl:template>
</xsl:stylesheet>
