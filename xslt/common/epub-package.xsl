<?xml version="1.0" encoding="UTF-8"?>
<!--
  package.opf from the teiHeader: Dublin Core metadata, the print edition as dc:source and the
  source of the page breaks, a deterministic dcterms:modified (the header's publication date, never
  the clock), EPUB Accessibility 1.1 metadata, the manifest and the spine.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns="http://www.idpf.org/2007/opf"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <!-- How the print edition is named as the source of the page breaks. EPUB 3.2's
       meta source-of="pagination" refining dc:source is what EPUBCheck 4.2 (Debian's) accepts;
       EPUB Accessibility 1.1's pageBreakSource is an "undefined property" (OPF-027) for it, so it
       is written only when asked for: page-break-source=pageBreakSource or both. -->
  <xsl:param name="page-break-source" as="xs:string" select="'source-of'"/>

  <xsl:template name="t:package">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="files" as="map(*)*"/>
    <xsl:param name="uuid" as="xs:string"/>
    <xsl:variable name="h" select="$tei/teiHeader"/>
    <xsl:variable name="print" select="($h/fileDesc/sourceDesc//biblStruct[@type = 'print'], $h/fileDesc/sourceDesc//biblStruct)[1]"/>
    <xsl:variable name="pbs" select="key('t:text-parts', 'pb', root($tei))[normalize-space(@n)]"/>
    <xsl:variable name="images" select="$t:image-urls"/>
    <xsl:variable name="pub-date" select="t:w3cdtf(($h/fileDesc/publicationStmt/date/@when, $h/revisionDesc/change/@when)[1])"/>
    <package version="3.0" unique-identifier="uid" xml:lang="{t:lang($tei)}">
      <metadata>
        <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
        <dc:identifier id="uid"><xsl:value-of select="'urn:uuid:' || $uuid"/></dc:identifier>
        <dc:title><xsl:value-of select="t:main-title($tei)"/></dc:title>
        <xsl:for-each select="$h/fileDesc/titleStmt/author[normalize-space()]">
          <dc:creator id="creator{position()}"><xsl:value-of select="normalize-space(.)"/></dc:creator>
          <meta refines="#creator{position()}" property="role" scheme="marc:relators">aut</meta>
        </xsl:for-each>
        <dc:language><xsl:value-of select="t:lang($tei)"/></dc:language>
        <xsl:if test="$pub-date"><dc:date><xsl:value-of select="$pub-date"/></dc:date></xsl:if>
        <xsl:for-each select="$h/fileDesc/publicationStmt/(publisher | authority)[1]">
          <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
        </xsl:for-each>
        <xsl:for-each select="$h/fileDesc/publicationStmt/availability/licence[1]">
          <dc:rights><xsl:value-of select="string-join((normalize-space(.), @target), ' ')"/></dc:rights>
        </xsl:for-each>
        <xsl:for-each select="$h/profileDesc/creation/date[not(@type)][@when][1]">
          <meta property="dcterms:created"><xsl:value-of select="t:w3cdtf(@when)"/></meta>
        </xsl:for-each>
        <xsl:if test="$print">
          <xsl:variable name="b" as="item()*"><xsl:apply-templates select="$print" mode="t:bibl"/></xsl:variable>
          <dc:source id="print-source"><xsl:value-of select="normalize-space(string-join($b ! string(.)))"/></dc:source>
          <xsl:if test="$pbs and $page-break-source = ('source-of', 'both')">
            <meta property="source-of" refines="#print-source">pagination</meta>
          </xsl:if>
          <xsl:if test="$pbs and $page-break-source = ('pageBreakSource', 'both')">
            <meta property="pageBreakSource"><xsl:value-of select="normalize-space(string-join($b ! string(.)))"/></meta>
          </xsl:if>
        </xsl:if>
        <meta property="dcterms:modified"><xsl:value-of select="t:modified($pub-date)"/></meta>
        <xsl:call-template name="t:accessibility">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="has-pages" select="exists($pbs)"/>
          <xsl:with-param name="print" select="$print"/>
        </xsl:call-template>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="css" href="style.css" media-type="text/css"/>
        <item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
        <xsl:for-each select="$files">
          <item id="{replace(?file, '\.xhtml$', '')}" href="{?file}" media-type="application/xhtml+xml"/>
        </xsl:for-each>
        <xsl:variable name="cover" select="($tei/text/front//graphic/@url)[1]"/>
        <xsl:for-each select="$images">
          <item id="img{position()}" href="{t:image-href(.)}" media-type="{t:image-type(.)}">
            <xsl:if test=". = $cover"><xsl:attribute name="properties" select="'cover-image'"/></xsl:if>
          </item>
        </xsl:for-each>
      </manifest>
      <spine>
        <itemref idref="title"/>
        <itemref idref="nav"/>
        <xsl:for-each select="$files"><itemref idref="{replace(?file, '\.xhtml$', '')}"/></xsl:for-each>
      </spine>
    </package>
  </xsl:template>

  <xsl:template name="t:accessibility">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="has-pages" as="xs:boolean"/>
    <xsl:param name="print" as="element()?"/>
    <xsl:variable name="graphics" select="key('t:text-parts', 'graphic', root($tei))"/>
    <xsl:variable name="all-described" select="every $g in $graphics satisfies normalize-space(($g/desc, $g/../figDesc)[1])"/>
    <meta property="schema:accessMode">textual</meta>
    <xsl:if test="$graphics"><meta property="schema:accessMode">visual</meta></xsl:if>
    <meta property="schema:accessModeSufficient">textual</meta>
    <xsl:if test="$has-pages">
      <meta property="schema:accessibilityFeature">printPageNumbers</meta>
      <meta property="schema:accessibilityFeature">pageNavigation</meta>
    </xsl:if>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <xsl:if test="$graphics and $all-described">
      <meta property="schema:accessibilityFeature">alternativeText</meta>
    </xsl:if>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">
      <xsl:value-of select="string-join((
        'A text edition with headings and a table of contents'
          || (if (key('t:text-parts', 'note', root($tei))) then ', and notes linked with their references both ways.' else '.'),
        if ($has-pages) then 'The page numbers of the print edition'
          || (if ($print) then ' named as the source' else '') || ' are marked in the text and listed in a page list.' else (),
        if ($graphics and not($all-described)) then 'Some images have no text description.' else ()), ' ')"/>
    </meta>
  </xsl:template>

  <!-- 1939-09-28 / 1939-09 / 1939 stay as they are; anything else is dropped (never invented). -->
  <xsl:function name="t:w3cdtf" as="xs:string?">
    <xsl:param name="when" as="xs:anyAtomicType?"/>
    <xsl:variable name="w" select="normalize-space(string($when))"/>
    <xsl:sequence select="if (matches($w, '^\d{4}(-\d{2}(-\d{2})?)?$')) then $w
                          else if (matches($w, '^\d{4}-\d{2}-\d{2}T')) then substring($w, 1, 10) else ()"/>
  </xsl:function>

  <!-- dcterms:modified must be a full UTC time: the publication date at midnight, so that the
       same TEI gives the same bytes; a TEI without any date gets a fixed epoch. -->
  <xsl:function name="t:modified" as="xs:string">
    <xsl:param name="date" as="xs:string?"/>
    <xsl:variable name="full" select="if (empty($date)) then '2000-01-01'
                                      else if (string-length($date) = 4) then $date || '-01-01'
                                      else if (string-length($date) = 7) then $date || '-01' else $date"/>
    <xsl:sequence select="$full || 'T00:00:00Z'"/>
  </xsl:function>
</xsl:stylesheet>
