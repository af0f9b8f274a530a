<?xml version="1.0" encoding="UTF-8"?>
<!--
  Images the EPUB is written without (src/render/epub.ts warns about each): missing from the
  assets folder, remote (http://…) or outside it (../). They are not packed: a figure shows its
  heading alone; an image in a line of the text, a word of it, is shown as its description in
  brackets (t:image-words). Parameter skip-images: one graphic/@url per line.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:param name="skip-images" as="xs:string" select="''"/>
  <xsl:variable name="t:skipped" as="xs:string*" select="tokenize($skip-images, '\n')[.]"/>

  <xsl:variable name="t:image-urls" as="xs:string*" select="distinct-values(//graphic/@url ! string(.))[not(. = $t:skipped)]"/>

  <xsl:template match="graphic[string(@url) = $t:skipped]"/>
  <!-- an image in a line of the text is a word of it: its description stands in for it -->
  <xsl:template match="graphic[string(@url) = $t:skipped][not(parent::figure)]" priority="1">
    <xsl:value-of select="t:image-words(.)"/>
  </xsl:template>
</xsl:stylesheet>
