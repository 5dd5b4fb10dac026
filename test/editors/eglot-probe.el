;;; -*- lexical-binding: t -*-
;; Usage: LSP_CMD_JSON='["node","/abs/out/server.js","--stdio"]' LSP_FILE=/abs/hello.spec LSP_LANGUAGE_ID=rpmspec \
;;   LSP_LINE=1 LSP_COL=0 [LSP_TIMEOUT=10] [LSP_MIN_DIAGS=1] HOME=/tmp/x timeout 120 emacs --batch -l /abs/eglot-probe.el
;; Used by test/editors/emacs.test.ts (from /work/shared/design/real-clients.md, section 3).
;; Debian site-start (loaded by --batch WITHOUT -Q) puts elpa-eglot 1.9 + project 0.8.1 on load-path
(require 'eglot) (require 'json) (require 'cl-lib)
(defvar probe-diags nil)
(defvar probe-result (list :ok :json-false :client (format "emacs %s + eglot 1.9" emacs-version)))
(defun probe-set (k v) (setq probe-result (plist-put probe-result k v)))
(defun probe-env (name default) (let ((v (getenv name))) (if (or (null v) (string= v "")) default v)))
;; see the raw notification before eglot hands it to flymake
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (push (cons uri diagnostics) probe-diags))
(define-derived-mode probe-mode prog-mode "Probe" "Major mode for the probed file.")
(defun probe-wait (secs pred)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline)) (accept-process-output nil 0.05))
    (funcall pred)))
(let* ((t0 (float-time)) (ms (lambda () (round (* 1000 (- (float-time) t0)))))
       (timeout (string-to-number (probe-env "LSP_TIMEOUT" "10")))
       (min-diags (string-to-number (probe-env "LSP_MIN_DIAGS" "1")))
       (exit-code 1) server)
  (condition-case err
      (let* ((cmd (append (json-read-from-string (getenv "LSP_CMD_JSON")) nil))
             (file (expand-file-name (getenv "LSP_FILE"))) (root (file-name-directory file))
             (eglot-sync-connect t) (eglot-connect-timeout timeout) (eglot-autoshutdown nil)
             (line (string-to-number (probe-env "LSP_LINE" "0"))) (col (string-to-number (probe-env "LSP_COL" "0"))))
        (find-file file)
        (probe-mode)
        ;; (eglot MANAGED-MAJOR-MODES PROJECT CLASS CONTACT LANGUAGE-ID); transient project = no root prompt
        (setq server (eglot '(probe-mode) (cons 'transient root) 'eglot-lsp-server cmd
                            (probe-env "LSP_LANGUAGE_ID" "plaintext")))
        (unless (and server (jsonrpc-running-p server)) (error "server did not start"))
        (probe-set :server_info (plist-get (eglot--server-info server) :name))
        (probe-set :timings_ms (list :initialized (funcall ms)))
        (unless (eglot-managed-p) (error "buffer not managed by eglot"))
        (let* ((uri (eglot--path-to-uri file))
               (got (probe-wait timeout (lambda () (let ((d (assoc uri probe-diags)))
                                                    (and d (>= (length (cdr d)) min-diags)))))))
          (probe-set :diagnostics_received (if got t :json-false))
          (probe-set :diagnostics (if got (cdr (assoc uri probe-diags)) nil))
          (plist-put (plist-get probe-result :timings_ms) :diagnostics (funcall ms))
          (flymake-start)                                    ; what the UI layer (flymake) ended up with
          (probe-wait 2 (lambda () (flymake-diagnostics)))
          (probe-set :flymake (vconcat (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
          (goto-char (point-min)) (forward-line line) (forward-char col)
          (probe-set :completion_offered (if (eglot--server-capable :completionProvider) t :json-false))
          (let* ((capf (and (eglot--server-capable :completionProvider) (eglot-completion-at-point)))
                 (labels (and capf (all-completions "" (nth 2 capf)))))
            (if capf (probe-set :completion_labels (vconcat (mapcar #'substring-no-properties labels)))
              (probe-set :completion_error "server advertises no completionProvider"))
            (plist-put (plist-get probe-result :timings_ms) :completion (funcall ms))
            ;; ok: diagnostics arrived, and completion answered when the server offers it
            (when (and got (or capf (not (eglot--server-capable :completionProvider))))
              (probe-set :ok t) (setq exit-code 0)))))
    (error (probe-set :error (error-message-string err))))
  (when (and server (jsonrpc-running-p server)) (ignore-errors (eglot-shutdown server nil 3)))
  (setq probe-result (plist-put probe-result :ok (if (= exit-code 0) t :json-false)))
  (princ (concat (json-encode probe-result) "\n"))            ; stdout in batch mode; messages go to stderr
  (kill-emacs exit-code))
