<?xml version="1.0" encoding="UTF-8"?>
<!--
  Functions for other people's TEI shared by every rendition (HTML, EPUB, text): the document's
  language as a BCP 47 tag, titles that are never empty, which elements are lists of entries.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:import href="lang.xsl"/>

  <xsl:function name="t:lang" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="l" select="(root($doc)/(TEI | teiCorpus)/@xml:lang, root($doc)//text/@xml:lang,
                                    root($doc)//langUsage/language/@ident)[1]"/>
    <xsl:sequence select="if ($l) then t:bcp47($l) else 'en'"/>
  </xsl:function>

  <!-- The main title: the first non-empty one (@type main first), else the first heading of the
       text, else "Untitled". A template header often has an empty <title/>. -->
  <!-- The root's own header is found by its path; the whole document is searched only when it has
       none. (A search with // finds every match and sorts them into document order before [1]
       takes the first: a tenth of an EPUB's time went on the five titles it writes.) -->
  <xsl:function name="t:main-title" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="own" select="root($doc)/(TEI | teiCorpus)/teiHeader"/>
    <xsl:variable name="header" select="if (exists($own)) then $own[1] else (root($doc)//teiHeader)[1]"/>
    <xsl:sequence select="t:title-of($header/..)"/>
  </xsl:function>

  <xsl:function name="t:title-of" as="xs:string">
    <xsl:param name="tei" as="element()?"/>
    <xsl:variable name="ts" select="$tei/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:variable name="main" select="($ts[@type = 'main'], $ts[not(@type = 'sub')], $ts)[1]"/>
    <!-- the text's first heading is looked for only when the header has no title -->
    <xsl:sequence select="if ($main) then t:plain-heading($main)
                          else (let $head := ($tei//text//head[normalize-space()])[1]
                                return if ($head) then t:plain-heading($head) else 'Untitled')"/>
  </xsl:function>

  <!-- Lists of entries: persons, places, organisations, events, bibliography, taxonomies. -->
  <xsl:function name="t:is-entry-list" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="map:contains($t:entry-list-names, local-name($e))
                          and namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'"/>
  </xsl:function>
  <!-- A map rather than a list of names: the test runs for every element a template is sought for. -->
  <xsl:variable name="t:entry-list-names" as="map(xs:string, xs:boolean)"
    select="map:merge(('listPerson', 'listPlace', 'listOrg', 'listEvent', 'listBibl', 'listNym', 'listObject',
                       'listRelation', 'listWit', 'taxonomy', 'category', 'listApp', 'listAnnotation', 'castList')
                      ! map { .: true() })"/>
</xsl:stylesheet>
