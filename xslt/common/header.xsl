<?xml version="1.0" encoding="UTF-8"?>
<!--
  The bibliographic block made from the teiHeader: title, author, date of writing, the witnesses
  (print edition, transcription, reprint) and this edition's publication data and editorial
  principles. Used as the HTML page header and as the EPUB title page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teikit:xslt"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0">

  <xsl:template name="t:header-block">
    <xsl:param name="h" as="element()?" select="/TEI/teiHeader"/>
    <xsl:variable name="fd" select="$h/fileDesc"/>
    <h1><xsl:value-of select="t:main-title($h)"/></h1>
    <xsl:variable name="subtitles" select="$fd/titleStmt/title[@type = 'sub']"/>
    <xsl:if test="$subtitles"><p class="subtitle"><xsl:value-of select="string-join($subtitles ! t:plain-heading(.), '; ')"/></p></xsl:if>
    <xsl:if test="$fd/titleStmt/author[normalize-space()]">
      <p class="author"><xsl:value-of select="string-join($fd/titleStmt/author[normalize-space()] ! normalize-space(.), ', ')"/></p>
    </xsl:if>
    <xsl:for-each select="$h/profileDesc/creation/date[not(@type)][1]">
      <p class="created"><xsl:value-of select="t:lead(., 'Written')"/><xsl:apply-templates select="."/></p>
    </xsl:for-each>
    <xsl:for-each select="$h/profileDesc/creation/date[@type = 'published'][1]">
      <p class="published"><xsl:value-of select="t:lead(., 'First published')"/><xsl:apply-templates select="."/></p>
    </xsl:for-each>
    <xsl:variable name="sources" select="$fd/sourceDesc"/>
    <xsl:if test="$sources/(listBibl//(biblStruct | bibl) | biblStruct | bibl | p)">
      <section class="sources" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <xsl:variable name="bibls" select="$sources//(biblStruct | bibl)[not(ancestor::biblStruct or ancestor::bibl or ancestor::listBibl[head])]"/>
        <xsl:if test="$bibls"><dl>
          <xsl:for-each select="$bibls">
            <dt>
              <xsl:value-of select="t:witness-label(@type)"/>
              <!-- a witness of listWit carries the siglum, its bibl the description -->
              <xsl:for-each select="(@xml:id, parent::witness/@xml:id)[1]"><xsl:text> </xsl:text><span class="siglum">(<xsl:value-of select="."/>)</span></xsl:for-each>
            </dt>
            <dd><xsl:apply-templates select="." mode="t:bibl"/>
              <xsl:for-each select="parent::witness/note[@type = 'relation']"><br/><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
            </dd>
          </xsl:for-each>
        </dl></xsl:if>
        <xsl:for-each select="$sources/p"><p><xsl:apply-templates/></p></xsl:for-each>
      </section>
    </xsl:if>
    <!-- A titled list of bibliography (a volume's works, docs/encoding.md "Volumes"): a list of its
         own, each entry linked to the member it describes (@corresp) where there is one. -->
    <xsl:for-each select="$sources//listBibl[head]">
      <section class="contents" aria-labelledby="{t:id(.)}-heading">
        <h2 id="{t:id(.)}-heading"><xsl:value-of select="t:plain-heading(head[1])"/></h2>
        <ol>
          <xsl:for-each select="bibl | biblStruct">
            <xsl:variable name="to" select="t:resolve(., @corresp)"/>
            <li>
              <xsl:choose>
                <xsl:when test="$to"><a href="{t:link(., $to)}"><xsl:apply-templates select="." mode="t:bibl"/></a></xsl:when>
                <xsl:otherwise><xsl:apply-templates select="." mode="t:bibl"/></xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:for-each>
    <!-- Notes on the edition (notesStmt): for a volume, the print pages present and those missing. -->
    <xsl:if test="$fd/notesStmt/note[normalize-space()]">
      <section class="notes-stmt" aria-labelledby="notes-stmt-heading">
        <h2 id="notes-stmt-heading">Notes on this edition</h2>
        <xsl:for-each select="$fd/notesStmt/note[normalize-space()]">
          <p class="{string-join(('note', @type), ' ')}"><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:for-each>
      </section>
    </xsl:if>
    <xsl:apply-templates select="$fd/publicationStmt" mode="t:bibl"/>
    <!-- Classifications (taxonomies) as readable lists (any-tei.xsl), after the sources. -->
    <xsl:for-each select="$h/encodingDesc/classDecl/taxonomy">
      <section class="taxonomy-block"><xsl:apply-templates select="."/></section>
    </xsl:for-each>
    <xsl:variable name="principles" select="$h/encodingDesc/editorialDecl//p | $h/encodingDesc/projectDesc/p"/>
    <xsl:if test="$principles">
      <details class="principles">
        <summary>Editorial principles</summary>
        <xsl:for-each select="$principles"><p><xsl:apply-templates/></p></xsl:for-each>
      </details>
    </xsl:if>
  </xsl:template>

  <xsl:function name="t:witness-label" as="xs:string">
    <xsl:param name="type" as="attribute()?"/>
    <xsl:sequence select="(map { 'print': 'Print edition', 'transcription': 'Transcription',
                                 'reprint': 'Reprint' }(string($type)), 'Source')[1]"/>
  </xsl:function>

  <!-- Author, “Article”, in Book, editions, Place: Publisher, date, vol. II, pp. 275-83. -->
  <xsl:template match="biblStruct" mode="t:bibl">
    <xsl:variable name="parts" as="item()*">
      <xsl:if test="analytic/author"><xsl:sequence select="string-join(analytic/author ! normalize-space(.), ', ')"/></xsl:if>
      <xsl:for-each select="analytic/title[1]">
        <xsl:sequence select="'“' || t:plain-heading(.) || '”'"/>
      </xsl:for-each>
      <xsl:for-each select="monogr">
        <xsl:if test="not(../analytic) and author"><xsl:sequence select="string-join(author ! normalize-space(.), ', ')"/></xsl:if>
        <xsl:for-each select="title[1]">
          <cite><xsl:value-of select="t:plain-heading(.)"/></cite>
        </xsl:for-each>
        <xsl:for-each select="respStmt">
          <xsl:sequence select="lower-case(substring(normalize-space(resp), 1, 1)) || substring(normalize-space(resp), 2) || ' ' || string-join((name, persName) ! normalize-space(.), ', ')"/>
        </xsl:for-each>
        <xsl:for-each select="editor"><xsl:sequence select="'edited by ' || normalize-space(.)"/></xsl:for-each>
        <xsl:for-each select="biblScope[@unit = 'volume']"><xsl:sequence select="'vol. ' || normalize-space(.)"/></xsl:for-each>
        <xsl:for-each select="edition"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
        <xsl:for-each select="imprint">
          <xsl:sequence select="string-join((string-join(pubPlace ! normalize-space(.), ', '),
                                             string-join(publisher ! normalize-space(.), ', '))[.], ': ')[.]"/>
          <xsl:for-each select="date"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
        </xsl:for-each>
        <xsl:for-each select="biblScope[@unit = 'page']"><xsl:sequence select="'pp. ' || normalize-space(.)"/></xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="t:join($parts)"/>
  </xsl:template>

  <xsl:template match="bibl" mode="t:bibl">
    <xsl:variable name="parts" as="item()*">
      <xsl:for-each select="author"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="title[1]"><cite><xsl:value-of select="t:plain-heading(.)"/></cite></xsl:for-each>
      <xsl:for-each select="respStmt">
        <xsl:sequence select="normalize-space(resp) || ' ' || string-join((name, persName, orgName) ! normalize-space(.), ', ')"/>
      </xsl:for-each>
      <xsl:for-each select="publisher"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="biblScope[@unit = 'page']"><xsl:sequence select="'pp. ' || normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="date[not(@type = 'updated')]"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <!-- a bare date as `updated January 2002`; one that says what was done (`Corrected and Updated
           January 2002`, `Corrected October 2003`) as it says it -->
      <xsl:for-each select="date[@type = 'updated']"><xsl:sequence select="(if (matches(normalize-space(.), '^((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? )?\d')) then 'updated ' else '') || normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="availability/p"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="ptr[matches(@target, '^https?:')]"><a href="{@target}"><xsl:value-of select="@target"/></a></xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($parts)) then t:join($parts) else normalize-space(.)"/>
  </xsl:template>

  <xsl:template match="publicationStmt" mode="t:bibl">
    <xsl:variable name="parts" as="item()*">
      <!-- who issues this edition, in the words of its role (an authority is not an edition) -->
      <xsl:for-each select="publisher | authority | distributor">
        <xsl:sequence select="map { 'publisher': 'Published by ', 'authority': 'Released by ', 'distributor': 'Distributed by ' }(local-name()) || normalize-space(.)"/>
      </xsl:for-each>
      <xsl:for-each select="date[1]"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <xsl:for-each select="availability/licence">
        <xsl:choose>
          <xsl:when test="matches(@target, '^https?:')"><a rel="license" href="{@target}"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
          <xsl:otherwise><xsl:sequence select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="availability/p"><xsl:sequence select="normalize-space(.)"/></xsl:for-each>
      <!-- a persistent identifier by its kind (UUID 9dfd…, DOI 10.…), any other as the edition's id -->
      <xsl:for-each select="idno">
        <xsl:variable name="kind" select="upper-case(normalize-space(@type))"/>
        <xsl:sequence select="(if ($kind = ('UUID', 'DOI', 'ISBN', 'ISSN', 'URN', 'ARK', 'HANDLE')) then $kind else 'id') || ' ' || normalize-space(.)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($parts)"><p class="publication"><xsl:sequence select="t:join($parts)"/></p></xsl:if>
  </xsl:template>

  <!-- Strings and elements joined with ", ", ending with a full stop. -->
  <xsl:function name="t:join" as="item()*">
    <xsl:param name="parts" as="item()*"/>
    <xsl:variable name="kept" select="$parts[not(. instance of xs:string and . = '')]"/>
    <xsl:for-each select="$kept">
      <xsl:if test="position() > 1"><xsl:value-of select="', '"/></xsl:if>
      <xsl:choose>
        <xsl:when test=". instance of xs:string"><xsl:value-of select="."/></xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:value-of select="'.'"/>
  </xsl:function>

  <!-- The words a creation date is introduced by (`Written `, `First published `), unless its text
       already opens with them or their like (`Written in exile …`, `Published in Pravda …`), or a
       word of their form, misspelt as transcribed (`Witten September 13-14`, `Publighed as a
       pamphlet`): a word ending in -ed or -en, not a month's name. The word's letters are those of
       the Latin alphabets (Latin-1, Extended-A and -B, Extended Additional, the ligatures ﬀ-ﬆ),
       named by range, not \p{L}: SaxonJS translates a regular expression on every call, and \p{L}
       took about 1 ms of each rendition's header (0.1 ms by ranges). -->
  <xsl:function name="t:lead" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:sequence select="if (matches(normalize-space($date), '^(first\s+)?[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿﬀ-ﬆ]+(ed|en)([\s,.:;]|$)', 'i')) then '' else $lead || ' '"/>
  </xsl:function>
</xsl:stylesheet>
