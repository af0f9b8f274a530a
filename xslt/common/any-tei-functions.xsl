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
  <xsl:function name="t:main-title" as="xs:string">
    <xsl:param name="doc" as="node()?"/>
    <xsl:variable name="header" select="(root($doc)/(TEI | teiCorpus)/teiHeader, (root($doc)//teiHeader)[1])[1]"/>
    <xsl:sequence select="t:title-of($header/..)"/>
  </xsl:function>

  <xsl:function name="t:title-of" as="xs:string">
    <xsl:param name="tei" as="element()?"/>
    <xsl:variable name="ts" select="$tei/teiHeader/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:variable name="main" select="($ts[@type = 'main'], $ts[not(@type = 'sub')], $ts)[1]"/>
    <xsl:variable name="head" select="($tei//text//head[normalize-space()])[1]"/>
    <xsl:sequence select="if ($main) then t:plain-heading($main)
                          else if ($head) then t:plain-heading($head)
                          else 'Untitled'"/>
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
