-- CreateIndex
CREATE INDEX "Vendor_organizationId_archivedAt_certificateExpiry_idx" ON "Vendor"("organizationId", "archivedAt", "certificateExpiry");

-- CreateIndex
CREATE INDEX "Assessment_organizationId_submittedAt_idx" ON "Assessment"("organizationId", "submittedAt");

-- CreateIndex
CREATE INDEX "Finding_organizationId_status_severity_idx" ON "Finding"("organizationId", "status", "severity");

