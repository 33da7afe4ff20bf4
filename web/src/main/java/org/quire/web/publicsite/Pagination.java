package org.quire.web.publicsite;

import io.quarkus.qute.TemplateData;

/** Where a paged list is: page numbers from 1, with the paths of the neighbours (null at the ends). */
@TemplateData
public record Pagination(int page, int pages, String newerPath, String olderPath) {

    public boolean needed() {
        return pages > 1;
    }
}
