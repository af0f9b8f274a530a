<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block TEI → (X)HTML, shared by the HTML page and the EPUB content documents.
  Divisions become sections whose heading level follows the nesting of headed divisions (the page
  title in the header is the only h1). Notes: house endnotes (back/div[@type='notes']) become a
  doc-endnotes section; foot-of-page notes stand where the print has them as doc-footnote asides;
  both carry doc-backlink links to every reference.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
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
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
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
  <xsl:template match="figure/head"><figcaption><xsl:apply-templates/></figcaption></xsl:template>
  <xsl:template match="list/head | table/head | lg/head | quote/head">
    <p class="head"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A p that holds block matter (a quotation of several paragraphs, a list) cannot be an HTML p. -->
  <xsl:function name="t:holds-blocks" as="xs:boolean">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="exists($p/(list | table | figure | lg | quote[(p | lg | l | list | table | figure | quote | cit)] | note[not(t:is-inline-note(.))]))"/>
  </xsl:function>

  <xsl:template match="p | ab">
    <xsl:variable name="cls" select="string-join(('p', tokenize(@rend, ' ')[. = ('center', 'right', 'indent')]), ' ')"/>
    <xsl:choose>
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

  <xsl:template match="dateline | salute | signed | byline | docAuthor | docDate | trailer | epigraph/bibl">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="opener | closer | epigraph | argument | titlePage | docTitle | postscript">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="titlePart">
    <p class="titlePart"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="quote[(p | lg | l | list | table | figure | quote | cit)] | cit">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>
  <xsl:template match="quote[not(ancestor::p)][not((p | lg | l | list | table | figure | quote | cit))]">
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

  <!-- Tables: spans are clamped to the grid the cells establish, because the HTML table model
       rejects columns or rows that only a span creates (the sources have such spans). -->
  <xsl:template match="table">
    <xsl:variable name="starts" select="t:cell-starts(.)"/>
    <table>
      <xsl:if test="head"><caption><xsl:apply-templates select="head/node()"/></caption></xsl:if>
      <tbody>
        <xsl:apply-templates select="row">
          <xsl:with-param name="starts" select="$starts" tunnel="yes"/>
          <xsl:with-param name="last-col" select="max((0, map:for-each($starts, function($k, $v) { $v })))" tunnel="yes"/>
        </xsl:apply-templates>
      </tbody>
    </table>
  </xsl:template>
  <xsl:template match="row">
    <tr>
      <xsl:apply-templates select="cell"/>
    </tr>
  </xsl:template>
  <xsl:template match="cell">
    <xsl:param name="starts" as="map(*)" tunnel="yes"/>
    <xsl:param name="last-col" as="xs:integer" tunnel="yes"/>
    <xsl:variable name="cols" select="min((t:span(@cols), $last-col - ($starts(generate-id()), 1)[1] + 1))"/>
    <xsl:variable name="rows" select="min((t:span(@rows), count(../following-sibling::row) + 1))"/>
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="$cols > 1"><xsl:attribute name="colspan" select="$cols"/></xsl:if>
      <xsl:if test="$rows > 1"><xsl:attribute name="rowspan" select="$rows"/></xsl:if>
      <xsl:if test=". is ../cell[1]"><xsl:apply-templates select="../preceding-sibling::*[1][self::pb]"/></xsl:if>
      <xsl:apply-templates select="preceding-sibling::*[1][self::pb]"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:function name="t:span" as="xs:integer">
    <xsl:param name="a" as="attribute()?"/>
    <xsl:sequence select="if ($a castable as xs:integer and xs:integer($a) ge 1) then xs:integer($a) else 1"/>
  </xsl:function>

  <!-- The column where each cell begins (by generate-id), laying rows out as HTML does. -->
  <xsl:function name="t:cell-starts" as="map(*)">
    <xsl:param name="table" as="element()"/>
    <xsl:iterate select="$table/row">
      <xsl:param name="busy" as="map(*)" select="map {}"/>
      <xsl:param name="starts" as="map(*)" select="map {}"/>
      <xsl:on-completion select="$starts"/>
      <xsl:variable name="placed" as="map(*)*">
        <xsl:iterate select="cell">
          <xsl:param name="col" as="xs:integer" select="1"/>
          <xsl:variable name="c" select="t:free-col($busy, $col)"/>
          <xsl:sequence select="map { 'id': generate-id(), 'col': $c, 'cols': t:span(@cols), 'rows': t:span(@rows) }"/>
          <xsl:next-iteration><xsl:with-param name="col" select="$c + t:span(@cols)"/></xsl:next-iteration>
        </xsl:iterate>
      </xsl:variable>
      <xsl:next-iteration>
        <xsl:with-param name="busy" select="map:merge((
            for $k in map:keys($busy)[$busy(.) gt 1] return map { $k: $busy($k) - 1 },
            for $p in $placed[?rows gt 1], $k in $p?col to $p?col + $p?cols - 1 return map { $k: $p?rows - 1 }))"/>
        <xsl:with-param name="starts" select="map:merge(($starts, $placed ! map { ?id: ?col }))"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>
  <xsl:function name="t:free-col" as="xs:integer">
    <xsl:param name="busy" as="map(*)"/>
    <xsl:param name="col" as="xs:integer"/>
    <xsl:sequence select="if (map:contains($busy, $col)) then t:free-col($busy, $col + 1) else $col"/>
  </xsl:function>

  <xsl:template match="figure">
    <figure id="{t:id(.)}">
      <xsl:apply-templates select="* except head"/>
      <xsl:apply-templates select="head"/>
    </figure>
  </xsl:template>
  <xsl:template match="graphic">
    <img src="{t:image-href(@url)}" alt="{normalize-space(../figDesc)}">
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
  <!-- Endnotes are asides in EPUB (epub:type endnote); in HTML plain divisions, since each aside
       would be a complementary landmark of its own (axe: landmark-unique). -->
  <xsl:template match="note[not(t:is-inline-note(.))]">
    <xsl:variable name="foot" select="@place = 'foot' or not(ancestor::div[@type = 'notes'])"/>
    <xsl:element name="{if ($foot or $t:epub) then 'aside' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="id" select="t:id(.)"/>
      <xsl:attribute name="class" select="'note ' || (@place, 'end')[1]"/>
      <xsl:choose>
        <xsl:when test="$foot">
          <xsl:attribute name="role" select="'doc-footnote'"/>
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'footnote'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'endnote'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="t:note-body">
        <xsl:with-param name="refs" select="t:refs-of-note(.)"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- The note's label (linking back to the first reference), then its text, then more back-links. -->
  <xsl:template name="t:note-body">
    <xsl:param name="refs" as="element()*"/>
    <xsl:param name="ref-ids" as="xs:string*" select="$refs ! t:link(current(), .)"/>
    <xsl:variable name="label" select="t:note-label(.)"/>
    <xsl:variable name="lead" as="node()*">
      <span class="note-label">
        <xsl:choose>
          <xsl:when test="exists($ref-ids)">
            <a role="doc-backlink" href="{$ref-ids[1]}" aria-label="Back to reference {$label}"><xsl:value-of select="$label"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:text> </xsl:text>
    </xsl:variable>
    <xsl:variable name="more" as="node()*">
      <xsl:for-each select="subsequence($ref-ids, 2)">
        <xsl:text> </xsl:text>
        <a class="backlink" role="doc-backlink" href="{.}" aria-label="Back to reference {$label} ({position() + 1})">↩</a>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="last-p" select="p[last()]"/>
    <xsl:variable name="tail-refs" select="ref[@type = 'pageref'][$last-p &lt;&lt; .]"/>
    <xsl:choose>
      <!-- Label, page reference and extra back-links go inside the first and last paragraph. -->
      <xsl:when test="p and not(text()[normalize-space()])">
        <xsl:for-each select="node() except $tail-refs">
          <xsl:choose>
            <xsl:when test=". is ../p[1]">
              <xsl:element name="{if (t:holds-blocks(.)) then 'div' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
                <xsl:sequence select="$lead"/><xsl:apply-templates/>
                <xsl:if test=". is $last-p"><xsl:apply-templates select="$tail-refs"/><xsl:sequence select="$more"/></xsl:if>
              </xsl:element>
            </xsl:when>
            <xsl:when test=". is $last-p">
              <xsl:element name="{if (t:holds-blocks(.)) then 'div' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
                <xsl:apply-templates/><xsl:apply-templates select="$tail-refs"/><xsl:sequence select="$more"/>
              </xsl:element>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="not(list | table | quote[(p | lg | l | list | table | figure | quote | cit)] | lg | figure)">
        <p><xsl:sequence select="$lead"/><xsl:apply-templates/><xsl:sequence select="$more"/></p>
      </xsl:when>
      <xsl:otherwise>
        <p class="note-lead"><xsl:sequence select="$lead"/></p>
        <xsl:apply-templates/>
        <xsl:if test="exists($more)"><p><xsl:sequence select="$more"/></p></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Notes written inside running text, gathered at the end of the document (or EPUB file). -->
  <xsl:template name="t:collected-notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="exists($notes)">
      <section class="footnotes">
        <xsl:for-each select="$notes">
          <aside id="{t:id(.)}" class="note foot" role="doc-footnote">
            <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'footnote'"/></xsl:call-template>
            <xsl:call-template name="t:note-body">
              <xsl:with-param name="ref-ids" select="'#' || t:id(.) || '-ref'"/>
            </xsl:call-template>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="teiHeader"/>
  <xsl:template match="milestone[@unit = 'section']"><hr/></xsl:template>
</xsl:stylesheet>
