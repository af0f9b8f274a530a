<?xml version="1.0" encoding="UTF-8"?>
<!--
  A teiCorpus as an EPUB: the corpus header is the title page, each member TEI (nested corpora
  included) one chapter, m001.xhtml, m002.xhtml …, with its own title (any-tei.xsl renders it).
  epub-files.xsl's t:file-of() sends whatever is inside a member to its file.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:function name="t:member-file" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="'m' || format-number(count($tei/preceding::TEI) + count($tei/ancestor::TEI) + 1, '000') || '.xhtml'"/>
  </xsl:function>

  <xsl:function name="t:corpus-files" as="map(*)*">
    <xsl:param name="corpus" as="element()"/>
    <xsl:for-each select="$corpus//TEI[not(ancestor::TEI)]">
      <xsl:sequence select="map { 'file': t:member-file(.), 'nodes': ., 'title': t:title-of(.), 'type': 'bodymatter' }"/>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
