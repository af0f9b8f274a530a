<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → a Dublin Core record of the edition (oai_dc, the record OAI-PMH repositories exchange),
  made from the teiHeader alone. It travels in a deposit bag as data/metadata/dc.xml.
    title        titleStmt/title (the main title first, subtitles after it)
    creator      titleStmt/author
    contributor  titleStmt/editor and respStmt names ("teikit (TEI encoding)")
    publisher    publicationStmt/publisher | distributor | authority
    date         publicationStmt/date (@when first), the date of this edition
    description  what the record describes, with the date of writing (profileDesc/creation/date)
    type, format "Text", "application/tei+xml"
    identifier   publicationStmt/idno
    source       each witness in sourceDesc, cited as the HTML header cites it (common/header.xsl)
    language     langUsage/language/@ident, else TEI/@xml:lang
    rights       availability/licence (with its @target) and availability/p
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  exclude-result-prefixes="xs t"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:import href="common/util.xsl"/>
  <xsl:import href="common/header.xsl"/>
  <xsl:import href="common/any-tei-functions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:variable name="h" select="/(TEI | teiCorpus)/teiHeader"/>
    <xsl:variable name="fd" select="$h/fileDesc"/>
    <xsl:variable name="ps" select="$fd/publicationStmt"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:for-each select="($fd/titleStmt/title[not(@type = 'sub')], $fd/titleStmt/title[@type = 'sub'])">
        <dc:title><xsl:value-of select="t:plain-heading(.)"/></dc:title>
      </xsl:for-each>
      <xsl:for-each select="$fd/titleStmt/author"><dc:creator><xsl:value-of select="normalize-space(.)"/></dc:creator></xsl:for-each>
      <xsl:for-each select="$fd/titleStmt/editor"><dc:contributor><xsl:value-of select="normalize-space(.)"/></dc:contributor></xsl:for-each>
      <xsl:for-each select="$fd/titleStmt/respStmt">
        <xsl:variable name="resp" select="normalize-space(string-join(resp, '; '))"/>
        <xsl:for-each select="(name | persName | orgName)">
          <dc:contributor><xsl:value-of select="normalize-space(.) || (if ($resp) then ' (' || $resp || ')' else '')"/></dc:contributor>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="$ps/(publisher | distributor | authority)"><dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher></xsl:for-each>
      <xsl:for-each select="$ps/date[1]"><dc:date><xsl:value-of select="(@when, normalize-space(.))[.][1]"/></dc:date></xsl:for-each>
      <dc:description>
        <xsl:value-of select="'TEI P5 edition of ' || string-join(($fd/titleStmt/author ! normalize-space(.))[.], ', ')
                              || (if ($fd/titleStmt/author) then ', ' else '') || t:main-title($h)
                              || string-join($h/profileDesc/creation/date[1] ! (', written ' || normalize-space(.)))
                              || '.'"/>
      </dc:description>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:for-each select="$ps/idno"><dc:identifier><xsl:value-of select="normalize-space(.)"/></dc:identifier></xsl:for-each>
      <xsl:for-each select="$fd/sourceDesc//(biblStruct | bibl)[not(ancestor::biblStruct or ancestor::bibl)]">
        <xsl:variable name="cited"><xsl:apply-templates select="." mode="t:bibl"/></xsl:variable>
        <dc:source><xsl:value-of select="normalize-space($cited)"/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="distinct-values((($h/profileDesc/langUsage/language/@ident)[.], /*/@xml:lang)[1])">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:for-each select="$ps/availability/licence">
        <dc:rights><xsl:value-of select="string-join((normalize-space(.), @target)[.], ', ')"/></dc:rights>
      </xsl:for-each>
      <xsl:for-each select="$ps/availability/p"><dc:rights><xsl:value-of select="normalize-space(.)"/></dc:rights></xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
