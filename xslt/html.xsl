<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI (house encoding or other reasonable TEI) → one standalone HTML5 page: the bibliographic
  header, a contents list for texts of several divisions, the text with print page numbers in
  the margin, notes linked both ways. No script; CSS embedded, with print rules.
  Parameters: css (extra CSS appended to the built-in style), toc (yes|no|auto).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:import href="common/util.xsl"/>
  <xsl:import href="common/inline.xsl"/>
  <xsl:import href="common/blocks.xsl"/>
  <xsl:import href="common/title-page.xsl"/>
  <xsl:import href="common/tables.xsl"/>
  <xsl:import href="common/notes.xsl"/>
  <xsl:import href="common/header.xsl"/>
  <xsl:import href="common/css.xsl"/>
  <xsl:import href="common/charmap.xsl"/>
  <xsl:import href="common/any-tei.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no" use-character-maps="t:no-c1"/>

  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="toc" as="xs:string" select="'auto'"/>
  <!-- Images to embed: lines of "url TAB data:…" (src/render/html.ts fills it from the assets folder). -->
  <xsl:param name="image-data" as="xs:string" select="''"/>
  <xsl:variable name="embedded" as="map(xs:string, xs:string)"
    select="map:merge(for $l in tokenize($image-data, '\n')[contains(., '&#9;')]
                      return map { substring-before($l, '&#9;'): substring-after($l, '&#9;') },
                      map { 'duplicates': 'use-first' })"/>

  <xsl:function name="t:image-href" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="($embedded($url), $url)[1]"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="tei" select="(TEI, teiCorpus/TEI)[1]"/>
    <html lang="{t:lang(.)}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="t:main-title(.)"/></title>
        <xsl:for-each select="(/teiCorpus, $tei)[1]/teiHeader/fileDesc/titleStmt/author[normalize-space()]">
          <meta name="author" content="{normalize-space(.)}"/>
        </xsl:for-each>
        <meta name="generator" content="teikit"/>
        <style><xsl:value-of select="$t:css-common, $t:css-html, $css" separator="&#10;"/></style>
      </head>
      <body>
        <header class="edition">
          <xsl:call-template name="t:header-block">
            <xsl:with-param name="h" select="(/teiCorpus, $tei)[1]/teiHeader"/>
          </xsl:call-template>
        </header>
        <xsl:call-template name="toc">
          <xsl:with-param name="divs" select="if (teiCorpus) then () else $tei/text/(front | body | back)/*[t:is-div(.)]"/>
        </xsl:call-template>
        <main>
          <!-- A teiCorpus: every member, each with its title (any-tei.xsl). -->
          <xsl:apply-templates select="if (teiCorpus) then teiCorpus//TEI else $tei/text"/>
          <xsl:call-template name="t:collected-notes">
            <xsl:with-param name="notes" select="(if (teiCorpus) then teiCorpus//TEI else $tei)/text//note[t:is-inline-note(.)]"/>
          </xsl:call-template>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="text">
    <xsl:if test="@xml:lang and t:bcp47(@xml:lang) != t:lang(.)">
      <xsl:attribute name="lang" select="t:bcp47(@xml:lang)"/>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A contents list when the text has several top-level divisions (or when asked for). -->
  <xsl:template name="toc">
    <xsl:param name="divs" as="element()*"/>
    <xsl:if test="$toc = 'yes' or ($toc = 'auto' and count($divs[head]) gt 2)">
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Contents</h2>
        <ol>
          <xsl:apply-templates select="$divs" mode="toc"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="toc">
    <li>
      <a href="#{t:id(.)}"><xsl:value-of select="t:div-title(.)"/></a>
      <xsl:variable name="sub" select="*[t:is-div(.)][head]"/>
      <xsl:if test="$sub"><ol><xsl:apply-templates select="$sub" mode="toc"/></ol></xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
