<?xml version="1.0" encoding="UTF-8"?>
<!--
  How an EPUB is cut into files. The teiHeader becomes title.xhtml; front matter front.xhtml; each
  top-level division of the body its own c001.xhtml, c002.xhtml … (page breaks and other matter
  standing between divisions go with the next one, trailing matter with the last); back matter,
  with the endnotes, back.xhtml. t:file-of() overrides the one-file version in util.xsl so that
  every link (note references, back-links, page list) names the right file.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:variable name="t:epub" as="xs:boolean" select="true()"/>
  <xsl:variable name="t:top-heading" as="xs:integer" select="1"/>

  <xsl:function name="t:file-of" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <!-- one walk up: the outermost of the header, front, back or child of a body that holds $n (a
         body nested in front matter, floatingText/body, is rendered in front.xhtml) -->
    <xsl:variable name="at" select="$n/ancestor-or-self::node()[self::teiHeader or self::front or self::back or parent::body][last()]"/>
    <xsl:choose>
      <xsl:when test="$at/self::teiHeader">title.xhtml</xsl:when>
      <xsl:when test="$t:corpus and $n/ancestor::teiCorpus">
        <xsl:sequence select="t:member-file($n/ancestor-or-self::TEI[ancestor::teiCorpus][last()])"/>
      </xsl:when>
      <xsl:when test="$at/self::front">front.xhtml</xsl:when>
      <xsl:when test="$at/self::back">back.xhtml</xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="($t:body-files(generate-id($at)), 'c001.xhtml')[1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:variable name="t:corpus" as="xs:boolean" select="exists(/teiCorpus)"/>

  <!-- The file of each child of a body (by generate-id): a division's own chapter file; any other
       node goes with the next division, or the last one when none follows. Made once per
       document: t:file-of is asked twice for each link (note references, back-links, the page
       list), and finding a division's number among its siblings each time was about a sixth of
       the EPUB's time. -->
  <xsl:variable name="t:body-files" as="map(xs:string, xs:string)">
    <xsl:map>
      <xsl:for-each select="//body[not(ancestor::teiCorpus)]">
        <xsl:variable name="divs" select="*[t:is-div(.)]"/>
        <xsl:variable name="number" as="map(xs:string, xs:integer)"
                      select="map:merge(for $i in 1 to count($divs) return map { generate-id($divs[$i]): $i })"/>
        <xsl:for-each select="node()">
          <xsl:variable name="div" select="(.[t:is-div(.)], following-sibling::*[t:is-div(.)][1], preceding-sibling::*[t:is-div(.)][1])[1]"/>
          <xsl:map-entry key="generate-id(.)" select="if ($div) then t:chapter-name($number(generate-id($div))) else 'c001.xhtml'"/>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="t:chapter-name" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="'c' || format-number($number, '000') || '.xhtml'"/>
  </xsl:function>

  <!-- The content documents in reading order: maps of file, nodes, title, landmark type. -->
  <xsl:function name="t:content-files" as="map(*)*">
    <xsl:param name="text" as="element()?"/>
    <xsl:if test="$text/front[* or normalize-space()]">
      <xsl:sequence select="map { 'file': 'front.xhtml', 'nodes': $text/front/node(), 'title': 'Front matter', 'type': 'frontmatter' }"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$text/body/*[t:is-div(.)]">
        <xsl:for-each-group select="$text/body/node()" group-adjacent="t:file-of(.)">
          <xsl:sequence select="map { 'file': current-grouping-key(), 'nodes': current-group(),
                                      'title': t:div-title(current-group()[t:is-div(.)][1]), 'type': 'bodymatter' }"/>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map { 'file': 'c001.xhtml', 'nodes': $text/body/node(),
                                    'title': t:main-title($text), 'type': 'bodymatter' }"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$text/back[* or normalize-space()]">
      <xsl:sequence select="map { 'file': 'back.xhtml', 'nodes': $text/back/node(),
                                  'title': if ($text/back/div[@type = 'notes'] and count($text/back/*) = 1) then 'Notes' else 'Back matter',
                                  'type': 'backmatter' }"/>
    </xsl:if>
  </xsl:function>

  <!-- The page breaks, graphics and notes of the text (of every text of a corpus), in document
       order: the package and the nav ask for them of the root element, which took a pass over the
       whole document, with a sort, for each question; the key takes one pass for all of them. -->
  <xsl:key name="t:text-parts" match="text//pb | text//graphic | text//note" use="local-name()"/>

  <!-- Images: every distinct graphic/@url, stored as images/<n>-<safe name>. -->
  <xsl:variable name="t:image-urls" as="xs:string*" select="distinct-values(//graphic/@url ! string(.))"/>

  <xsl:function name="t:image-href" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="i" select="index-of($t:image-urls, $url)[1]"/>
    <xsl:variable name="name" select="replace(tokenize(replace($url, '[?#].*$', ''), '/')[last()], '[^A-Za-z0-9._-]', '_')"/>
    <xsl:sequence select="'images/' || $i || '-' || $name"/>
  </xsl:function>

  <xsl:function name="t:image-type" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="ext" select="lower-case(replace($url, '^.*\.([A-Za-z0-9]+)([?#].*)?$', '$1'))"/>
    <xsl:sequence select="(map { 'gif': 'image/gif', 'jpg': 'image/jpeg', 'jpeg': 'image/jpeg', 'png': 'image/png',
                                 'svg': 'image/svg+xml' }($ext), 'application/octet-stream')[1]"/>
  </xsl:function>
</xsl:stylesheet>
