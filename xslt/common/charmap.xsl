<?xml version="1.0" encoding="UTF-8"?>
<!--
  C1 control characters (U+0080–U+009F) are legal in XML but not in HTML. In the marx2mao sources
  they are Windows-1252 bytes read as Latin-1; the renditions show them as U+FFFD (visible, so the
  damage is not hidden) rather than guessing the character.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:teikit:xslt">
  <xsl:character-map name="t:no-c1">
    <xsl:output-character character="&#x80;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x81;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x82;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x83;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x84;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x85;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x86;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x87;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x88;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x89;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8A;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8B;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8C;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8D;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8E;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x8F;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x90;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x91;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x92;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x93;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x94;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x95;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x96;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x97;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x98;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x99;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9A;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9B;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9C;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9D;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9E;" string="&#xFFFD;"/>
    <xsl:output-character character="&#x9F;" string="&#xFFFD;"/>
  </xsl:character-map>
</xsl:stylesheet>
