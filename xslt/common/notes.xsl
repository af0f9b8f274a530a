<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes → (X)HTML, shared by the HTML page and the EPUB content documents. House endnotes
  (back/div[@type='notes']) stand in a doc-endnotes section; foot-of-page notes where the print
  has them, as doc-footnote asides; notes written inside running text (other TEI) are gathered at
  the end of the document (or EPUB file). Every note links back to each of its references.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <!-- Endnotes are asides in EPUB (epub:type endnote); in HTML plain divisions, since each aside
       would be a complementary landmark of its own (axe: landmark-unique). -->
  <xsl:key name="t:notes-by-label" match="note" use="t:note-label(.)"/>

  <xsl:template match="note[not(t:is-inline-note(.))]">
    <xsl:variable name="foot" select="@place = 'foot' or not(ancestor::div[@type = 'notes'])"/>
    <xsl:element name="{if ($foot or $t:epub) then 'aside' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="id" select="t:id(.)"/>
      <xsl:attribute name="class" select="'note ' || (@place, 'end')[1]"/>
      <xsl:choose>
        <xsl:when test="$foot">
          <xsl:attribute name="role" select="'doc-footnote'"/>
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'footnote'"/></xsl:call-template>
          <!-- a foot note of a page a paragraph runs over is shown after the paragraph (blocks.xsl):
               the page it is printed on, for whoever reads the HTML by pages (the site's search) -->
          <xsl:if test="not($t:epub) and parent::p">
            <xsl:variable name="pb" select="(parent::p//pb[. &lt;&lt; current()])[last()]"/>
            <xsl:if test="$pb"><xsl:attribute name="data-page" select="t:page-id($pb)"/></xsl:if>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'endnote'"/></xsl:call-template>
          <xsl:if test="$t:epub">
            <!-- an EPUB endnote aside is a complementary landmark: each needs a label of its own
                 (Ace, axe: landmark-unique); notes sharing a number are told apart by their order -->
            <xsl:variable name="label" select="t:note-label(.)"/>
            <xsl:variable name="same" select="key('t:notes-by-label', $label)"/>
            <xsl:attribute name="aria-label" select="'Note ' || $label
              || (if (count($same) gt 1) then ' (' || index-of($same ! generate-id(), generate-id(.)) || ')' else '')"/>
          </xsl:if>
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
    <xsl:variable name="tail-refs" select="(ref | ptr)[@type = 'pageref'][$last-p &lt;&lt; .]"/>
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
      <xsl:when test="not(list | table | quote[(p | ab | lg | l | list | table | figure | quote | cit)] | lg | figure | ab)">
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

</xsl:stylesheet>
