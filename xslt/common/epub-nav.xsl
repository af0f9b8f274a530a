<?xml version="1.0" encoding="UTF-8"?>
<!--
  nav.xhtml: the table of contents (headed divisions, nested), the page list (one entry for each
  print page break, in document order) and the landmarks.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:template name="t:nav">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="files" as="map(*)*"/>
    <xsl:variable name="lang" select="t:lang($tei)"/>
    <html lang="{$lang}" xml:lang="{$lang}">
      <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="t:main-title($tei)"/>: contents</title>
        <link rel="stylesheet" type="text/css" href="style.css"/>
      </head>
      <body>
        <nav id="toc" role="doc-toc">
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'toc'"/></xsl:call-template>
          <h1>Contents</h1>
          <ol>
            <li><a href="title.xhtml">Title page</a></li>
            <xsl:for-each select="$files">
              <xsl:variable name="divs" select="?nodes[t:is-div(.)]"/>
              <xsl:choose>
                <xsl:when test="$divs"><xsl:apply-templates select="$divs" mode="t:toc"/></xsl:when>
                <!-- a member of a corpus (a work of a volume): its title, then its chapters -->
                <xsl:when test="?nodes/self::TEI">
                  <li><a href="{?file}"><xsl:value-of select="?title"/></a>
                    <xsl:variable name="chapters" select="t:member-chapters(?nodes)"/>
                    <xsl:if test="$chapters"><ol><xsl:apply-templates select="$chapters" mode="t:toc"/></ol></xsl:if>
                  </li>
                </xsl:when>
                <xsl:otherwise><li><a href="{?file}"><xsl:value-of select="?title"/></a></li></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </ol>
        </nav>
        <xsl:variable name="pbs" select="if ($tei/self::teiCorpus) then t:volume-pages($tei) else key('t:text-parts', 'pb', root($tei))[normalize-space(@n)]"/>
        <xsl:if test="$pbs">
          <nav id="page-list" role="doc-pagelist" hidden="hidden">
            <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'page-list'"/></xsl:call-template>
            <h1>Pages</h1>
            <ol>
              <xsl:for-each select="$pbs">
                <li><a href="{t:file-of(.)}#{t:page-id(.)}"><xsl:value-of select="normalize-space(@n)"/></a></li>
              </xsl:for-each>
            </ol>
          </nav>
        </xsl:if>
        <nav id="landmarks" hidden="hidden">
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'landmarks'"/></xsl:call-template>
          <h1>Landmarks</h1>
          <ol>
            <li><a href="title.xhtml"><xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'titlepage'"/></xsl:call-template>Title page</a></li>
            <li><a href="nav.xhtml#toc"><xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'toc'"/></xsl:call-template>Contents</a></li>
            <xsl:for-each select="$files[?type = 'bodymatter'][1]">
              <li><a href="{?file}"><xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'bodymatter'"/></xsl:call-template>Text</a></li>
            </xsl:for-each>
            <xsl:for-each select="$tei/text/back//div[@type = 'notes'][1]">
              <li><a href="{t:file-of(.)}#{t:id(.)}"><xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'endnotes'"/></xsl:call-template>Notes</a></li>
            </xsl:for-each>
          </ol>
        </nav>
      </body>
    </html>
  </xsl:template>

  <!-- The chapters of a corpus member: the headed divisions of its body, or of its one division
       when the body is a single division (a work whose only division holds its chapters). -->
  <xsl:function name="t:member-chapters" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="top" select="$tei/text/body/*[t:is-div(.)]"/>
    <xsl:sequence select="(if (count($top) = 1) then $top/*[t:is-div(.)] else $top)[head]"/>
  </xsl:function>

  <!-- The page list of a corpus (a volume of works): each print page once, at its first break, in
       print order (roman front-matter pages, then arabic, then any other number in document
       order), leaving out the breaks a member declares out of sequence (a misprinted number).
       Print order, not document order: a volume prints the notes of its works at its end. -->
  <xsl:function name="t:volume-pages" as="element()*">
    <xsl:param name="corpus" as="element()"/>
    <xsl:variable name="firsts" as="element()*">
      <xsl:for-each-group select="$corpus//text//pb[normalize-space(@n)][not(@type = 'out-of-sequence')]" group-by="normalize-space(@n)">
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:perform-sort select="$firsts">
      <xsl:sort select="t:print-order(normalize-space(@n))" data-type="number"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- A page number's place in print order: roman numbers before arabic, anything else last. -->
  <xsl:function name="t:print-order" as="xs:double">
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="if (matches($n, '^\d+$')) then number($n)
                          else if (matches($n, '^[ivxlcdmIVXLCDM]+$')) then t:roman(lower-case($n)) - 100000
                          else 1e9"/>
  </xsl:function>

  <xsl:function name="t:roman" as="xs:double">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="v" select="for $c in string-to-codepoints($s)
                                   return map { 105: 1, 118: 5, 120: 10, 108: 50, 99: 100, 100: 500, 109: 1000 }($c)"/>
    <xsl:sequence select="sum(for $i in 1 to count($v) return if ($i lt count($v) and $v[$i] lt $v[$i + 1]) then -$v[$i] else $v[$i])"/>
  </xsl:function>

  <xsl:template match="*" mode="t:toc">
    <li>
      <a href="{t:file-of(.)}#{t:id(.)}"><xsl:value-of select="t:div-title(.)"/></a>
      <xsl:variable name="sub" select="*[t:is-div(.)][head]"/>
      <xsl:if test="$sub"><ol><xsl:apply-templates select="$sub" mode="t:toc"/></ol></xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
