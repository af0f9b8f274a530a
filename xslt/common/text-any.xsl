<?xml version="1.0" encoding="UTF-8"?>
<!--
  Other people's TEI in the text rendition (imported last by text.xsl): list labels kept
  ("label item" per line), lists of persons, places, bibliography, taxonomies … one entry per
  line, speeches as blocks, and each member of a teiCorpus under its own title.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:template match="list[label]" mode="txt">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:apply-templates select="head | pb" mode="txt"/>
    <xsl:for-each select="item">
      <xsl:variable name="label" select="preceding-sibling::*[1][self::label]"/>
      <xsl:variable name="l" select="if ($label) then t:block('', $label/node(), '') else string(@n)"/>
      <xsl:value-of select="t:block($indent || (if ($l) then $l || ' ' else ''), node(), '') || $NL"/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- The names of t:is-entry-list, spelt out with the priority of *[t:is-entry-list(.)]: a
       predicate on * is tested for every element. -->
  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listBibl | listNym | listObject | listRelation
                       | listWit | taxonomy | category | listApp | listAnnotation | castList" mode="txt" priority="0.5">
    <xsl:param name="indent" as="xs:string" select="''" tunnel="yes"/>
    <xsl:apply-templates select="head" mode="txt"/>
    <xsl:for-each select="(catDesc, desc, gloss)[normalize-space()]">
      <xsl:value-of select="t:block($indent, node(), '') || $NL || $NL"/>
    </xsl:for-each>
    <xsl:for-each select="* except (head | catDesc | desc | gloss)">
      <xsl:choose>
        <xsl:when test="t:is-entry-list(.)">
          <xsl:apply-templates select="." mode="txt"><xsl:with-param name="indent" select="$indent || '    '" tunnel="yes"/></xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$indent || '* ' || t:entry-line(.) || $NL"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- The words of an entry on one line: its parts spaced (forename, surname), the orig of a
       choice and figure descriptions left out as in running text. -->
  <xsl:function name="t:entry-line" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="t" select="$e//text()[not(ancestor::figDesc or ancestor::orig[parent::choice] or ancestor::sic[parent::choice])] ! string(.)"/>
    <!-- Parts written without space between them (<forename>Berthe</forename><surname>…) are
         spaced; punctuation after a part stays attached. -->
    <xsl:sequence select="normalize-space(string-join(for $i in 1 to count($t) return
                            (if ($i gt 1 and matches($t[$i], '^[\p{L}\p{N}]') and matches($t[$i - 1], '[\p{L}\p{N}\p{P}]$')) then ' ' else '') || $t[$i]))"/>
  </xsl:function>

  <xsl:template match="sp" mode="txt">
    <xsl:apply-templates select="*" mode="txt"/>
  </xsl:template>

  <!-- A member of a teiCorpus: its title, then its text. -->
  <xsl:template match="TEI" mode="txt">
    <xsl:value-of select="t:title-of(.) || $NL || string-join((1 to string-length(t:title-of(.))) ! '-') || $NL || $NL"/>
    <xsl:apply-templates select="text" mode="txt"/>
  </xsl:template>
</xsl:stylesheet>
