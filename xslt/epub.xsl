<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → the files of an EPUB 3 (src/render/epub.ts zips them with the mimetype and the images):
  META-INF/container.xml, OEBPS/package.opf, nav.xhtml, style.css, title.xhtml (the bibliographic
  header), and the content documents cut as common/epub-files.xsl says. The principal result lists
  the images to pack, one "url TAB href TAB media-type" line each.
  Parameters: uuid (dc:identifier; the caller derives it from the idno), css (extra CSS).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
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
  <xsl:import href="common/epub-files.xsl"/>
  <xsl:import href="common/epub-package.xsl"/>
  <xsl:import href="common/epub-nav.xsl"/>
  <xsl:import href="common/any-tei.xsl"/>
  <xsl:import href="common/epub-corpus.xsl"/>
  <xsl:import href="common/epub-skip-images.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:output name="xhtml" method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="no" include-content-type="no" use-character-maps="t:no-c1"/>
  <xsl:output name="xml" method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="uuid" as="xs:string" select="'00000000-0000-4000-8000-000000000000'"/>
  <xsl:param name="css" as="xs:string" select="''"/>

  <xsl:template match="/">
    <!-- A teiCorpus: its own header for the package and title page, one chapter per member. -->
    <xsl:variable name="tei" select="(TEI, teiCorpus)[1]"/>
    <xsl:variable name="files" select="if (teiCorpus) then t:corpus-files(teiCorpus) else t:content-files($tei/text)"/>
    <xsl:result-document href="META-INF/container.xml" format="xml">
      <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
        <rootfiles>
          <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
      </container>
    </xsl:result-document>
    <xsl:result-document href="OEBPS/package.opf" format="xml">
      <xsl:call-template name="t:package">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="files" select="$files"/>
        <xsl:with-param name="uuid" select="$uuid"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:result-document href="OEBPS/nav.xhtml" format="xhtml">
      <xsl:call-template name="t:nav">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="files" select="$files"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:result-document href="OEBPS/style.css" method="text">
      <xsl:value-of select="$t:css-common, $t:css-epub, $css" separator="&#10;"/>
    </xsl:result-document>
    <xsl:result-document href="OEBPS/title.xhtml" format="xhtml">
      <xsl:call-template name="t:page">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="title" select="t:main-title($tei)"/>
      </xsl:call-template>
    </xsl:result-document>
    <xsl:for-each select="$files">
      <xsl:result-document href="OEBPS/{?file}" format="xhtml">
        <xsl:call-template name="t:page">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="title" select="?title"/>
          <xsl:with-param name="file" select="."/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
    <xsl:for-each select="$t:image-urls">
      <xsl:value-of select="., t:image-href(.), t:image-type(.)" separator="&#9;"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- One XHTML content document: a content file of t:content-files ($file) with the notes of its
       text, else the nodes of $content, else the title page. A file's content is written straight
       into the page: built first as a parameter, it was then copied into it, a second pass over
       every node of the book ($content stays for stylesheets that import this one and pass it). -->
  <xsl:template name="t:page">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="file" as="map(*)?" select="()"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:variable name="lang" select="t:lang($tei)"/>
    <html lang="{$lang}" xml:lang="{$lang}">
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" type="text/css" href="style.css"/>
      </head>
      <body>
        <xsl:choose>
          <xsl:when test="exists($file)">
            <xsl:apply-templates select="$file?nodes"/>
            <xsl:call-template name="t:collected-notes">
              <xsl:with-param name="notes" select="$file?nodes/descendant-or-self::note[t:is-inline-note(.)]"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="exists($content)"><xsl:sequence select="$content"/></xsl:when>
          <xsl:otherwise>
            <section class="titlepage">
              <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'titlepage'"/></xsl:call-template>
              <xsl:call-template name="t:header-block"><xsl:with-param name="h" select="$tei/teiHeader"/></xsl:call-template>
            </section>
          </xsl:otherwise>
        </xsl:choose>
      </body>
    </html>
  </xsl:template>

  <!-- Footnote asides of inline notes link back within their own file. -->
  <xsl:template match="text">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
