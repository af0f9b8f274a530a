<?xml version="1.0" encoding="UTF-8"?>
<!--
  Inline TEI → (X)HTML, shared by the HTML page and the EPUB content documents. Output elements
  are in the XHTML namespace; the HTML serializer writes them without a prefix.
  The rules that keep the reading text right:
  - pb becomes an empty marker span (the page number is CSS generated content), so a word split
    across pages (break="no") stays one word in the text; rend="hyphen" means the printed hyphen
    was already removed and nothing is printed for it;
  - choice shows the regularised reading, the original is in the title attribute.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <!-- true in the EPUB stylesheet (it redeclares this variable): adds epub:type attributes. -->
  <xsl:variable name="t:epub" as="xs:boolean" select="false()"/>

  <xsl:template name="t:epub-type">
    <xsl:param name="type" as="xs:string"/>
    <xsl:if test="$t:epub">
      <xsl:attribute name="epub:type" namespace="http://www.idpf.org/2007/ops" select="$type"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="pb">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)">
        <!-- Named by aria-label in EPUB (the DAISY pattern); in HTML by title, because axe-core
             rejects aria-label on an empty doc-pagebreak span (aria-prohibited-attr) and the span
             must stay empty so that the word around it stays one word. -->
        <span class="pb" id="{t:page-id(.)}" role="doc-pagebreak" data-n="{normalize-space(@n)}">
          <xsl:attribute name="{if ($t:epub) then 'aria-label' else 'title'}" select="'page ' || normalize-space(@n)"/>
          <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'pagebreak'"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise><span class="pb"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="t:pb-needs-space(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="lb">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>

  <xsl:template match="anchor">
    <span id="{t:id(.)}" class="anchor"/>
  </xsl:template>

  <xsl:template match="choice">
    <xsl:variable name="shown" select="(reg, corr, expan, orig, sic, abbr)[1]"/>
    <xsl:variable name="alt" select="(orig, sic, abbr)[not(. is $shown)][1]"/>
    <xsl:choose>
      <xsl:when test="$alt">
        <span class="reg" title="original: {normalize-space($alt)}"><xsl:apply-templates select="$shown/node()"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$shown/node()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="hi">
    <xsl:variable name="r" select="tokenize(normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="$r = ('italic', 'italics', 'i')"><i><xsl:apply-templates/></i></xsl:when>
      <xsl:when test="$r = ('bold', 'b')"><b><xsl:apply-templates/></b></xsl:when>
      <xsl:when test="$r = ('superscript', 'sup')"><sup><xsl:apply-templates/></sup></xsl:when>
      <xsl:when test="$r = ('subscript', 'sub')"><sub><xsl:apply-templates/></sub></xsl:when>
      <xsl:when test="$r = 'underline'"><u><xsl:apply-templates/></u></xsl:when>
      <xsl:otherwise><span class="{string-join(('hi', $r), ' ')}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="emph | foreign | term | mentioned | soCalled">
    <em class="{local-name()}"><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="date | time">
    <xsl:variable name="w" select="normalize-space(@when)"/>
    <xsl:choose>
      <xsl:when test="matches($w, '^\d{4}(-\d{2}(-\d{2})?)?$')"><time datetime="{$w}"><xsl:apply-templates/></time></xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reference whose note is not in the document links nowhere: only a web address is a link,
       never the target as written (a javascript: address would run in the reader's page). -->
  <xsl:template match="ref[@type = 'noteref']">
    <xsl:variable name="note" select="t:resolve(., @target)"/>
    <xsl:variable name="href" select="if ($note) then t:link(., $note) else if (matches(@target, '^(https?|mailto|ftp):', 'i')) then string(@target) else ()"/>
    <sup class="noteref">
      <xsl:choose>
        <xsl:when test="exists($href)">
          <a role="doc-noteref" id="{t:id(.)}" href="{$href}">
            <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'noteref'"/></xsl:call-template>
            <xsl:apply-templates/>
          </a>
        </xsl:when>
        <xsl:otherwise><span id="{t:id(.)}"><xsl:apply-templates/></span></xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- [p. 275] at the end of a note: the page where the note is referenced (data, no content). -->
  <xsl:template match="ref[@type = 'pageref'] | ptr[@type = 'pageref']">
    <xsl:variable name="to" select="(t:resolve(., @target), key('t:pb-by-n', normalize-space(@n))[1])[1]"/>
    <xsl:text> </xsl:text>
    <span class="pageref">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="$to"><a href="{t:link(., $to)}">p. <xsl:value-of select="@n"/></a></xsl:when>
        <xsl:otherwise>p. <xsl:value-of select="@n"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="ref | ptr">
    <xsl:variable name="to" select="t:resolve(., @target)"/>
    <xsl:variable name="href" select="if ($to) then t:link(., $to)
                                      else if (matches(@target, '^(https?|mailto|ftp):', 'i')) then string(@target) else ()"/>
    <xsl:choose>
      <!-- A link that holds links (a contents entry with its note reference): HTML forbids an a in
           an a, so each run of its content around them is a link of its own. -->
      <xsl:when test="exists($href) and .//(ref | ptr | note[t:is-inline-note(.)])">
        <xsl:for-each-group select="node()" group-adjacent="exists(descendant-or-self::*[self::ref or self::ptr or self::note[t:is-inline-note(.)]])">
          <xsl:choose>
            <xsl:when test="current-grouping-key()"><xsl:apply-templates select="current-group()"/></xsl:when>
            <xsl:otherwise><a href="{$href}"><xsl:apply-templates select="current-group()"/></a></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:when>
      <xsl:when test="exists($href)">
        <a href="{$href}"><xsl:apply-templates/><xsl:if test="self::ptr"><xsl:value-of select="@target"/></xsl:if></a>
      </xsl:when>
      <!-- A link of the source to another of its site's pages (`TAJI35.html`): no page beside the
           rendition answers it, so its words stand unlinked, the address kept for a collection's
           site, which links it to that work's page where it has the work (src/site/links.ts). -->
      <xsl:when test="self::ref and matches(@target, '^[^#:/?][^:]*$|^\.\./')">
        <span class="source-link" data-href="{@target}"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note inside running text (other TEI): a reference here, the note in the collected notes. -->
  <xsl:template match="note[t:is-inline-note(.)]">
    <sup class="noteref">
      <a role="doc-noteref" id="{t:id(.)}-ref" href="#{t:id(.)}">
        <xsl:call-template name="t:epub-type"><xsl:with-param name="type" select="'noteref'"/></xsl:call-template>
        <xsl:value-of select="t:note-label(.)"/>
      </a>
    </sup>
  </xsl:template>

  <xsl:template match="q | said | quote[not((p | ab | lg | l | list | table | figure | quote | cit))][ancestor::p]">
    <q><xsl:apply-templates/></q>
  </xsl:template>

  <xsl:template match="title[not(ancestor::teiHeader)]">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="gap">
    <span class="gap" title="{string-join((@reason, @quantity, @unit), ' ')}">[…]</span>
  </xsl:template>
  <xsl:template match="figDesc"/>

  <!-- What the transcriber added to the text ([cont. onto p. 121. - DJR]): set apart from the
       author's words by type, not by colour alone, and named for assistive technology. -->
  <xsl:template match="seg[@type = 'transcriberNote']">
    <span class="transcriber-note" title="Transcriber's note: added by the transcription, not in the print">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Elements with no rendering of their own: their content. -->
  <xsl:template match="name | persName | placeName | orgName | rs | seg | w | c | num | measure | unclear
                       | supplied | add | corr | reg | sic | orig | abbr | expan | choice/*">
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="del"/>
</xsl:stylesheet>
