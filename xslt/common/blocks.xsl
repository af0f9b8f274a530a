<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block TEI → (X)HTML, shared by the HTML page and the EPUB content documents (tables and notes
  are in tables.xsl and notes.xsl). Divisions become sections whose heading level follows the
  nesting of headed divisions (in HTML the page title in the header is the only h1).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:template match="front | body | back">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="div | div1 | div2 | div3 | div4 | div5 | div6 | div7">
    <section id="{t:id(.)}" class="{string-join(('div', @type), ' ')}">
      <xsl:if test="@type = 'notes'">
        <xsl:attribute name="role" select="'doc-endnotes'"/>
        <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'endnotes'"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="t:bcp47(@xml:lang)"/></xsl:if>
      <!-- A notes section the source left without a heading gets a label of the rendition's own,
           marked as such: it is not a word of the text. -->
      <xsl:if test="@type = 'notes' and not(head)">
        <xsl:element name="h{$t:top-heading}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="'supplied-label'"/>
          <xsl:text>Notes</xsl:text>
        </xsl:element>
      </xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- The level of the highest heading of the text: 2 under the HTML page's h1, 1 in EPUB files. -->
  <xsl:variable name="t:top-heading" as="xs:integer" select="2"/>

  <xsl:function name="t:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="min((6, 1 + count($head/ancestor::*[t:is-div(.)][head])))"/>
  </xsl:function>

  <xsl:template match="head">
    <xsl:element name="h{max(($t:top-heading, t:heading-level(.) + $t:top-heading - 2))}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- a title's subtitle (head type="sub"): a line under the heading, not a heading of its own -->
  <xsl:template match="*[t:is-div(.)]/head[@type = 'sub']">
    <p class="subtitle"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="figure/head"><figcaption><xsl:apply-templates/></figcaption></xsl:template>
  <xsl:template match="list/head | table/head | lg/head | quote/head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A p that holds block matter (a quotation of several paragraphs, a list) cannot be an HTML p. -->
  <xsl:function name="t:holds-blocks" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="exists($p/(list | table | figure | lg | quote[(p | ab | lg | l | list | table | figure | quote | cit)] | note[not(t:is-inline-note(.))]))"/>
  </xsl:function>

  <xsl:template match="p | ab">
    <xsl:variable name="cls" select="string-join(('p', tokenize(@rend, ' ')[. = ('center', 'right', 'indent', 'byline', 'subtitle')]), ' ')"/>
    <xsl:variable name="feet" select="note[@place = 'foot'][not(t:is-inline-note(.))]"/>
    <xsl:choose>
      <!-- the foot note of a page the paragraph runs over, not its first (the TEI has it where that
           page ends): after the paragraph, which reads on across the page break -->
      <xsl:when test="$feet and not(list | table | figure | lg | quote[(p | ab | lg | l | list | table | figure | quote | cit)])">
        <p>
          <xsl:if test="$cls != 'p'"><xsl:attribute name="class" select="$cls"/></xsl:if>
          <xsl:apply-templates select="node() except $feet"/>
        </p>
        <xsl:apply-templates select="$feet"/>
      </xsl:when>
      <xsl:when test="t:holds-blocks(.)">
        <div class="{$cls}"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:if test="$cls != 'p'"><xsl:attribute name="class" select="$cls"/></xsl:if>
          <xsl:apply-templates/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Preformatted text (a diagram drawn with characters, a table of figures set with spaces): its
       lines and their spaces as they are (the TEI keeps them: xml:space="preserve"); a centred
       block is centred whole, its lines aligned among themselves. -->
  <xsl:template match="ab[@type = 'preformatted']">
    <pre class="{string-join(('pre', tokenize(@rend, ' ')[. = 'center']), ' ')}"><xsl:apply-templates/></pre>
  </xsl:template>

  <xsl:template match="dateline | salute | signed | byline | docAuthor | docDate | trailer | epigraph/bibl">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <!-- The print edition's statement of a text's source, at its end (`Pravda, No. 169, July 28, 1927`)
       or under its title (`Written by Marx in December 1847`). -->
  <xsl:template match="closer/seg[@type = 'statement'] | opener/seg[@type = 'statement']">
    <p class="statement"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="opener | closer | epigraph | argument | titlePage | docTitle | postscript">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="titlePart">
    <p class="titlePart"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="quote[(p | ab | lg | l | list | table | figure | quote | cit)] | cit">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>
  <xsl:template match="quote[not(ancestor::p)][not((p | ab | lg | l | list | table | figure | quote | cit))]">
    <blockquote><p><xsl:apply-templates/></p></blockquote>
  </xsl:template>

  <xsl:template match="list">
    <xsl:element name="{if (@type = 'ordered') then 'ol' else 'ul'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join(('list', @type, if (item/@n) then 'labelled' else ()), ' ')"/>
      <xsl:apply-templates select="item"/>
    </xsl:element>
    <xsl:apply-templates select="* except (item | pb)"/>
  </xsl:template>
  <!-- A page break between list items has nowhere to stand in ul/ol: it opens the next item
       (pbs after the last item close it). Same for table rows and cells. -->
  <xsl:template match="item">
    <li>
      <xsl:apply-templates select="preceding-sibling::*[1][self::pb]"/>
      <xsl:if test="@n"><span class="label"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="not(following-sibling::item)"><xsl:apply-templates select="following-sibling::pb"/></xsl:if>
    </li>
  </xsl:template>
  <xsl:template match="label[parent::list]"/>

  <!-- A printed contents list: the entry's label, its title (linked to its division by the ref),
       its page linked to that page's break, then its sub-entries. -->
  <xsl:template match="list[@type = 'contents']/item/label">
    <span class="label"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="list[@type = 'contents']/item/num[@type = 'page']">
    <xsl:variable name="to" select="key('t:pb-by-n', normalize-space(.))[1]"/>
    <span class="page">
      <xsl:choose>
        <xsl:when test="$to"><a href="{t:link(., $to)}" aria-label="page {normalize-space(.)}"><xsl:value-of select="."/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="figure">
    <figure id="{t:id(.)}">
      <xsl:apply-templates select="* except head"/>
      <xsl:apply-templates select="head"/>
    </figure>
  </xsl:template>
  <xsl:template match="graphic">
    <!-- described by its figure's figDesc, or (an image in a line of the text) by its own desc -->
    <img src="{t:image-href(@url)}" alt="{normalize-space((desc, ../figDesc)[1])}">
      <xsl:if test="matches(@width, '^\d+(px)?$')"><xsl:attribute name="width" select="replace(@width, 'px', '')"/></xsl:if>
      <xsl:if test="matches(@height, '^\d+(px)?$')"><xsl:attribute name="height" select="replace(@height, 'px', '')"/></xsl:if>
    </img>
  </xsl:template>
  <!-- Where an image is found from the rendition: the HTML page points at @url as given. -->
  <xsl:function name="t:image-href" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:sequence select="$url"/>
  </xsl:function>

  <xsl:template match="lg">
    <div class="lg"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="l">
    <span class="l"><xsl:apply-templates/></span><br/>
  </xsl:template>

  <!-- House notes: endnotes in the notes division, foot-of-page notes among the blocks. -->
  <xsl:template match="teiHeader"/>
  <xsl:template match="milestone[@unit = 'section']"><hr/></xsl:template>
</xsl:stylesheet>
