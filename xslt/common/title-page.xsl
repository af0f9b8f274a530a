<?xml version="1.0" encoding="UTF-8"?>
<!--
  A book's title page (TEI titlePage): the edition and imprint lines as centred lines, the parts
  of the imprint (publisher, place, date) as the running text of their line. docAuthor, docTitle
  and titlePart are rendered by blocks.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:template match="docEdition | docImprint">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="docImprint/publisher | docImprint/pubPlace | docImprint/docDate">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
